import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { BATCH_CHANGES } from '../../api/endpoints';
import { distribution } from '../../api/distribution';
import type { BatchDto, BatchHandoverInput } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useServerForm } from '../../components/useServerForm';
import { useT } from '../../prefs/PreferencesProvider';
import {
  AccessoriesChecklist,
  accessoriesBody,
  accessoriesNoteError,
  NO_ACCESSORIES,
} from '../allocation/AccessoriesChecklist';
import { SignaturePad } from '../allocation/SignaturePad';

/** Local wall time for a datetime-local input, minutes precision. */
function nowLocal(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/**
 * The whole batch handed over with one signature by the receiving contact (spec §13), with what went with the devices
 * (the accessories checklist, printed on the delivery note and the certificate). An institution's devices are then
 * handed over; a partner's go into its custody, for it to hand on to its families.
 */
export function BatchHandoverForm({ batch, defaultReceiver }: { batch: BatchDto; defaultReceiver: string }) {
  const t = useT();
  const { form, onSubmit, busy, error, unshown } = useServerForm({
    initialValues: { receivedBy: defaultReceiver, handedOverAt: nowLocal(), signature: '', ...NO_ACCESSORIES },
    validate: {
      signature: (s) => (s ? null : t('handover.signatureMissing')),
      accessoriesNote: (_note, values) => accessoriesNoteError(values, t('accessories.noteMissing')),
    },
    submit: (v) => {
      const at = new Date(v.handedOverAt);
      const body: BatchHandoverInput = {
        receivedBy: v.receivedBy.trim(),
        signature: v.signature,
        ...accessoriesBody(v),
        ...(Number.isNaN(at.getTime()) ? {} : { handedOverAt: at.toISOString() }),
      };
      return distribution.batches.handover(batch.id, body);
    },
    invalidates: BATCH_CHANGES,
  });
  return (
    <form onSubmit={onSubmit} noValidate data-testid="batch-handover-form">
      <Stack gap="sm">
        {error && <ErrorAlert error={error} unshown={unshown} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('batches.receivedBy')}
            description={t('batches.receivedByHint')}
            required
            name="receivedBy"
            dir="auto"
            {...form.getInputProps('receivedBy')}
          />
          <TextInput
            label={t('handover.date')}
            type="datetime-local"
            required
            name="handedOverAt"
            dir="ltr"
            {...form.getInputProps('handedOverAt')}
          />
        </SimpleGrid>
        <AccessoriesChecklist
          batch
          checklist={form.getInputProps('accessories')}
          note={form.getInputProps('accessoriesNote')}
        />
        <SignaturePad onChange={(s) => form.setFieldValue('signature', s ?? '')} error={form.errors.signature} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy} data-testid="batch-handover-submit">
            {t('batches.handoverSubmit', { n: batch.deviceCount })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
