import { Button, Group, Stack, Text } from '@mantine/core';
import { ApiError } from '../../../api/http';
import type { FormEvent, ReactNode } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../prefs/PreferencesProvider';
import type { DeviceActionState } from './useDeviceAction';

/**
 * The frame every action form shares: the submit button first (large, at the card's start: at a workbench the
 * defaults are usually right and one press does it; full width on a phone), with `hint` (where the device goes next)
 * beside it, then the error (with the messages no field of the form shows) and the fields. `known` lists the paths the
 * form's fields display, so nothing the server says is dropped.
 */
export function ActionFormFrame({
  state,
  known,
  onSubmit,
  submitLabel,
  children,
  testId,
  handled = [],
  hint,
}: {
  state: DeviceActionState;
  known: readonly string[];
  onSubmit: () => void;
  submitLabel: string;
  children: ReactNode;
  testId: string;
  /** Error codes the form explains itself (a list of drives, say), so the generic alert stays out of the way. */
  handled?: readonly string[];
  /** Said beside the button: what the action does (the next status, say). */
  hint?: ReactNode;
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
        <Group gap="sm" wrap="wrap">
          <Button
            type="submit"
            size="lg"
            loading={state.busy}
            w={{ base: '100%', xs: 'auto' }}
            miw={{ xs: 200 }}
            data-testid={`${testId}-submit`}>
            {submitLabel || t('action.save')}
          </Button>
          {hint && (
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          )}
        </Group>
        {/* A stale version is announced above the forms by DeviceActions (the device has just been reloaded). */}
        {error !== null &&
          !(error instanceof ApiError && (error.code === 'STALE_VERSION' || handled.includes(error.code))) && (
            <ErrorAlert error={error} unshown={state.errors.unshown(known)} />
          )}
        {children}
      </Stack>
    </form>
  );
}
