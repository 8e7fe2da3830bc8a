import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/http';
import type { BeneficiaryDto, BeneficiaryPatch, BeneficiaryStatus } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useT } from '../../prefs/PreferencesProvider';

/**
 * The status changes a manager may make from here (`allowedTransitions`, from the server): verify, put on the
 * waiting list, or reject, which needs a reason (kept with the record and shown to whoever reopens it).
 */
export function BeneficiaryStatusActions({ beneficiary, onChanged }: { beneficiary: BeneficiaryDto; onChanged: () => void }) {
  const t = useT();
  const errors = useFieldErrors();
  const [busy, setBusy] = useState<BeneficiaryStatus | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const allowed = beneficiary.allowedTransitions ?? [];
  if (allowed.length === 0) return null;

  const move = async (status: BeneficiaryStatus) => {
    const body: BeneficiaryPatch = status === 'rejected' ? { status, rejectionReason: reason.trim() } : { status };
    setBusy(status);
    errors.clear();
    try {
      await api<BeneficiaryDto>(`/api/beneficiaries/${beneficiary.id}`, { method: 'PATCH', body });
      setRejecting(false);
      setReason('');
      onChanged();
    } catch (err) {
      errors.setError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="xs" data-testid="beneficiary-status-actions">
      {errors.error !== null && <ErrorAlert error={errors.error} unshown={errors.unshown(['status', 'rejectionReason'])} />}
      <Group gap="xs" wrap="wrap">
        {allowed.filter((s) => s !== 'rejected').map((s) => (
          <Button key={s} loading={busy === s} onClick={() => { void move(s); }} data-to={s}>{t(`beneficiary.to.${s}`)}</Button>
        ))}
        {allowed.includes('rejected') && !rejecting && (
          <Button variant="outline" color="red" onClick={() => setRejecting(true)}>{t('beneficiary.to.rejected')}</Button>
        )}
      </Group>
      {rejecting && (
        <Stack gap="xs">
          <Textarea label={t('beneficiary.rejectionReason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)}
            autosize minRows={2} error={errors.field('rejectionReason')} data-autofocus />
          <Group gap="xs">
            <Button color="red" loading={busy === 'rejected'} onClick={() => { void move('rejected'); }}>{t('beneficiary.confirmReject')}</Button>
            <Button variant="default" onClick={() => setRejecting(false)}>{t('action.cancel')}</Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
