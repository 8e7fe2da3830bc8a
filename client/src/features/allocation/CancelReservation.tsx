import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/http';
import type { AllocationDto } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useT } from '../../prefs/PreferencesProvider';

/** Releases a reservation: the device goes back to ready and the beneficiary back to the waiting list. */
export function CancelReservation({ allocationId, onDone }: { allocationId: number; onDone: () => void }) {
  const t = useT();
  const errors = useFieldErrors();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    errors.clear();
    try {
      await api<AllocationDto>(`/api/allocations/${allocationId}/cancel`, { method: 'POST', body: { reason: reason.trim() } });
      onDone();
    } catch (err) {
      errors.setError(err);
    } finally {
      setBusy(false);
    }
  };
  if (!open) return <Button variant="outline" color="red" onClick={() => setOpen(true)}>{t('allocation.cancel')}</Button>;
  return (
    <form onSubmit={onSubmit} noValidate data-testid="cancel-form">
      <Stack gap="xs">
        {errors.error !== null && <ErrorAlert error={errors.error} unshown={errors.unshown(['reason'])} />}
        <TextInput label={t('allocation.cancelReason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.field('reason')} data-autofocus />
        <Group gap="xs">
          <Button type="submit" color="red" loading={busy}>{t('allocation.confirmCancel')}</Button>
          <Button variant="default" onClick={() => setOpen(false)}>{t('action.cancel')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
