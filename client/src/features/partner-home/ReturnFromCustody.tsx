import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { DEVICE_CHANGES, keys } from '../../api/endpoints';
import { distribution } from '../../api/distribution';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Ltr } from '../../components/Ltr';
import { useServerForm } from '../../components/useServerForm';
import { useT } from '../../prefs/PreferencesProvider';

/**
 * Gives a device in a partner's custody back to the charity (POST /api/custody/devices/:id/return), with the reason:
 * the partner that holds it, or a manager. An inline form (no dialog: the partner's home stays light on a phone).
 */
export function ReturnFromCustodyForm({
  deviceId,
  assetTag,
  onClose,
}: {
  deviceId: number;
  assetTag: string;
  onClose: () => void;
}) {
  const t = useT();
  const { form, onSubmit, busy, error, unshown } = useServerForm({
    initialValues: { reason: '' },
    submit: (v) => distribution.custody.returnDevice(deviceId, { reason: v.reason.trim() }),
    invalidates: [...DEVICE_CHANGES, keys.custody, keys.batches],
    onSuccess: onClose,
  });
  return (
    <form onSubmit={onSubmit} noValidate data-testid="custody-return-form">
      <Stack gap="xs">
        {error && <ErrorAlert error={error} unshown={unshown} />}
        <Text size="sm">
          {t('custody.returnHint')} <Ltr mono>{assetTag}</Ltr>
        </Text>
        <TextInput
          label={t('custody.returnReason')}
          required
          name="reason"
          dir="auto"
          {...form.getInputProps('reason')}
          data-autofocus
        />
        <Group gap="xs">
          <Button type="submit" color="orange" loading={busy}>
            {t('custody.return')}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t('action.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
