import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { BATCH_CHANGES } from '../../api/endpoints';
import { distribution } from '../../api/distribution';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useServerForm } from '../../components/useServerForm';
import { useT } from '../../prefs/PreferencesProvider';

/** Cancels a reserved batch whole, with a reason: every device goes back to ready. */
export function CancelBatch({ batchId, deviceCount }: { batchId: number; deviceCount: number }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const { form, onSubmit, busy, error, unshown } = useServerForm({
    initialValues: { reason: '' },
    submit: (v) => distribution.batches.cancel(batchId, v.reason.trim()),
    invalidates: BATCH_CHANGES,
  });
  if (!open)
    return (
      <Button variant="outline" color="red" onClick={() => setOpen(true)} data-testid="batch-cancel-open">
        {t('batches.cancel')}
      </Button>
    );
  return (
    <form onSubmit={onSubmit} noValidate data-testid="batch-cancel-form">
      <Stack gap="xs">
        {error && <ErrorAlert error={error} unshown={unshown} />}
        <TextInput
          label={t('allocation.cancelReason')}
          description={t('batches.cancelHint', { n: deviceCount })}
          required
          name="reason"
          {...form.getInputProps('reason')}
          data-autofocus
        />
        <Group gap="xs">
          <Button type="submit" color="red" loading={busy}>
            {t('batches.confirmCancel')}
          </Button>
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('action.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
