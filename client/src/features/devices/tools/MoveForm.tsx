import { Button, Group, Select, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { DEVICE_CHANGES, endpoints } from '../../../api/endpoints';
import type { DeviceDetailDto, SiteDto } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useServerForm } from '../../../components/useServerForm';
import { usePrefs } from '../../../prefs/PreferencesProvider';

/** Moving a device to another warehouse or branch: a `moved` event with the reason, in the device's history. */
export function MoveForm({ device }: { device: DeviceDetailDto }) {
  const { t, language } = usePrefs();
  const sites = useQuery(endpoints.sites());
  const { form, onSubmit, busy, error, unshown } = useServerForm({
    initialValues: { siteId: null as string | null, reason: '' },
    submit: (v) =>
      endpoints.devices.move(device.id, {
        siteId: Number(v.siteId),
        ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
      }),
    invalidates: DEVICE_CHANGES,
    onSuccess: () => form.reset(),
  });
  const nameOf = (s: SiteDto) => (language === 'en' && s.nameLatin ? s.nameLatin : s.name);
  const here = sites.data?.find((s) => s.id === device.siteId);

  if (sites.data && sites.data.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('move.noSites')}
      </Text>
    );
  return (
    <form onSubmit={onSubmit} noValidate data-testid="move-form">
      <Text size="sm" mb="xs">
        {t('move.current')}: {here ? nameOf(here) : '—'}
      </Text>
      {error && <ErrorAlert error={error} unshown={unshown} />}
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('move.to')}
          w={220}
          {...form.getInputProps('siteId')}
          data={(sites.data ?? [])
            .filter((s) => s.id !== device.siteId)
            .map((s) => ({ value: String(s.id), label: nameOf(s) }))}
        />
        <TextInput label={t('move.reason')} {...form.getInputProps('reason')} style={{ flex: '1 1 200px' }} />
        <Button type="submit" variant="light" loading={busy} disabled={!form.values.siteId}>
          {t('move.submit')}
        </Button>
      </Group>
    </form>
  );
}
