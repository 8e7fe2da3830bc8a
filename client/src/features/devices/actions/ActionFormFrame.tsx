import { Button, Group, Stack } from '@mantine/core';
import { ApiError } from '../../../api/http';
import type { FormEvent, ReactNode } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../prefs/PreferencesProvider';
import type { DeviceActionState } from './useDeviceAction';

/**
 * The frame every action form shares: the error (with the messages no field of the form shows), the fields, and
 * the submit button. `known` lists the paths the form's fields display, so nothing the server says is dropped.
 */
export function ActionFormFrame({
  state,
  known,
  onSubmit,
  submitLabel,
  children,
  testId,
  handled = [],
}: {
  state: DeviceActionState;
  known: readonly string[];
  onSubmit: () => void;
  submitLabel: string;
  children: ReactNode;
  testId: string;
  /** Error codes the form explains itself (a list of drives, say), so the generic alert stays out of the way. */
  handled?: readonly string[];
}) {
  const t = useT();
  const handle = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  const { error } = state.errors;
  return (
    <form onSubmit={handle} noValidate data-testid={testId}>
      <Stack gap="sm">
        {/* A stale version is announced above the forms by DeviceActions (the device has just been reloaded). */}
        {error !== null &&
          !(error instanceof ApiError && (error.code === 'STALE_VERSION' || handled.includes(error.code))) && (
            <ErrorAlert error={error} unshown={state.errors.unshown(known)} />
          )}
        {children}
        <Group justify="flex-end">
          <Button type="submit" loading={state.busy}>
            {submitLabel || t('action.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
