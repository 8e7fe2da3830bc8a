import { Paper, Stack } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';
import { PageHeader } from './PageHeader';

/**
 * A page that is one form (new donor, edit beneficiary, new donation): the title, the card, the server's error on
 * top, the fields, then cancel (back one page) and save.
 */
export function FormPage({
  title,
  maw,
  testId,
  onSubmit,
  error,
  unshown,
  busy,
  children,
}: {
  title: string;
  /** The card's greatest width. */
  maw: number;
  testId?: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  error: unknown;
  unshown?: string[];
  busy: boolean;
  children: ReactNode;
}) {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={title} />
      <Paper withBorder p="md" maw={maw}>
        <form onSubmit={onSubmit} noValidate data-testid={testId}>
          <Stack>
            {error ? <ErrorAlert error={error} unshown={unshown} /> : null}
            {children}
            <FormActions
              busy={busy}
              onCancel={() => {
                void navigate(-1);
              }}
            />
          </Stack>
        </form>
      </Paper>
    </>
  );
}
