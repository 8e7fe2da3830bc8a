import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { ALLOCATION_CHANGES, endpoints } from '../../api/endpoints';
import type { AllocationDto, HandoverInput } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useServerForm } from '../../components/useServerForm';
import { useT } from '../../prefs/PreferencesProvider';
import { AccessoriesChecklist, accessoriesBody, accessoriesNoteError, NO_ACCESSORIES } from './AccessoriesChecklist';
import { SignaturePad } from './SignaturePad';

/** Local wall time for a datetime-local input, minutes precision. */
function nowLocal(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/**
 * Who received the device, when, what went with it (the accessories checklist) and their signature on the screen. The server turns the allocation into a handover
 * with a certificate code; the page then offers the certificate. The receiver may be a family member, so the name
 * starts as the beneficiary's and can be changed.
 */
export function HandoverForm({ allocation, defaultReceiver }: { allocation: AllocationDto; defaultReceiver: string }) {
  const t = useT();
  const { form, onSubmit, busy, error, unshown } = useServerForm({
    initialValues: { receivedBy: defaultReceiver, handedOverAt: nowLocal(), signature: '', ...NO_ACCESSORIES },
    // The server would refuse it too; saying so here spares a round trip while the family is waiting.
    validate: {
      signature: (s) => (s ? null : t('handover.signatureMissing')),
      accessoriesNote: (_note, values) => accessoriesNoteError(values, t('accessories.noteMissing')),
    },
    submit: (v) => {
      const at = new Date(v.handedOverAt);
      const body: HandoverInput = {
        receivedBy: v.receivedBy.trim(),
        signature: v.signature,
        ...accessoriesBody(v),
        ...(Number.isNaN(at.getTime()) ? {} : { handedOverAt: at.toISOString() }),
      };
      return endpoints.allocations.handover(allocation.id, body);
    },
    invalidates: ALLOCATION_CHANGES,
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="handover-form">
      <Stack gap="sm">
        {error && <ErrorAlert error={error} unshown={unshown} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('handover.receivedBy')}
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
          checklist={form.getInputProps('accessories')}
          note={form.getInputProps('accessoriesNote')}
        />
        <SignaturePad onChange={(s) => form.setFieldValue('signature', s ?? '')} error={form.errors.signature} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy} data-testid="handover-submit">
            {t('handover.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
