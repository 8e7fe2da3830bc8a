import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ALLOCATION_CHANGES, endpoints } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useServerForm } from '../../components/useServerForm';
import { useT } from '../../prefs/PreferencesProvider';

/** Releases a reservation: the device goes back to ready and the beneficiary back to the waiting list. */
export function CancelReservation({ allocationId }: { allocationId: number }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const { form, onSubmit, busy, error, unshown } = useServerForm({
    initialValues: { reason: '' },
    submit: (v) => endpoints.allocations.cancel(allocationId, v.reason.trim()),
    invalidates: ALLOCATION_CHANGES,
  });
  if (!open)
    return (
      <Button variant="outline" color="red" onClick={() => setOpen(true)}>
        {t('allocation.cancel')}
      </Button>
    );
  return (
    <form onSubmit={onSubmit} noValidate data-testid="cancel-form">
      <Stack gap="xs">
        {error && <ErrorAlert error={error} unshown={unshown} />}
        <TextInput label={t('allocation.cancelReason')} required {...form.getInputProps('reason')} data-autofocus />
        <Group gap="xs">
          <Button type="submit" color="red" loading={busy}>
            {t('allocation.confirmCancel')}
          </Button>
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('action.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
