import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/http';
import type { AllocationDto, HandoverInput } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useT } from '../../prefs/PreferencesProvider';
import { SignaturePad } from './SignaturePad';

/** Local wall time for a datetime-local input, minutes precision. */
function nowLocal(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/**
 * Who received the device, when, and their signature on the screen. The server turns the allocation into a handover
 * with a certificate code; the page then offers the certificate. The receiver may be a family member, so the name
 * starts as the beneficiary's and can be changed.
 */
export function HandoverForm({ allocation, defaultReceiver, onDone }: { allocation: AllocationDto; defaultReceiver: string; onDone: () => void }) {
  const t = useT();
  const errors = useFieldErrors();
  const [receivedBy, setReceivedBy] = useState(defaultReceiver);
  const [when, setWhen] = useState(nowLocal);
  const [signature, setSignature] = useState<string | null>(null);
  const [missingSignature, setMissingSignature] = useState(false);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    // The server would refuse it too; saying so here spares a round trip while the family is waiting.
    if (!signature) { setMissingSignature(true); return; }
    const at = new Date(when);
    const body: HandoverInput = { receivedBy: receivedBy.trim(), signature, ...(Number.isNaN(at.getTime()) ? {} : { handedOverAt: at.toISOString() }) };
    setBusy(true);
    errors.clear();
    try {
      await api<AllocationDto>(`/api/allocations/${allocation.id}/handover`, { method: 'POST', body });
      onDone();
    } catch (err) {
      errors.setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="handover-form">
      <Stack gap="sm">
        {errors.error !== null && <ErrorAlert error={errors.error} unshown={errors.unshown(['receivedBy', 'handedOverAt', 'signature'])} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('handover.receivedBy')} required name="receivedBy" dir="auto" value={receivedBy} onChange={(e) => setReceivedBy(e.currentTarget.value)}
            error={errors.field('receivedBy')} />
          <TextInput label={t('handover.date')} type="datetime-local" required name="handedOverAt" value={when} dir="ltr"
            onChange={(e) => setWhen(e.currentTarget.value)} error={errors.field('handedOverAt')} />
        </SimpleGrid>
        <SignaturePad onChange={(s) => { setSignature(s); if (s) setMissingSignature(false); }}
          error={errors.field('signature') ?? (missingSignature ? t('handover.signatureMissing') : undefined)} />
        <Group justify="flex-end"><Button type="submit" loading={busy} data-testid="handover-submit">{t('handover.submit')}</Button></Group>
      </Stack>
    </form>
  );
}
