import { BATCH_CHANGES } from '../../api/endpoints';
import { distribution } from '../../api/distribution';
import type { BatchDto } from '../../api/types';
import { useT } from '../../prefs/PreferencesProvider';
import { SignedHandoverForm } from '../allocation/HandoverForm';

/**
 * The whole batch handed over with one signature by the receiving contact (spec §13), with what went with the devices
 * (the accessories checklist, printed on the delivery note and the certificate). An institution's devices are then
 * handed over; a partner's go into its custody, for it to hand on to its families.
 */
export function BatchHandoverForm({ batch, defaultReceiver }: { batch: BatchDto; defaultReceiver: string }) {
  const t = useT();
  return (
    <SignedHandoverForm
      defaultReceiver={defaultReceiver}
      submit={(body) => distribution.batches.handover(batch.id, body)}
      invalidates={BATCH_CHANGES}
      receiverLabel={t('batches.receivedBy')}
      receiverHint={t('batches.receivedByHint')}
      batch
      submitLabel={t('batches.handoverSubmit', { n: batch.deviceCount })}
      testId="batch-handover"
    />
  );
}
