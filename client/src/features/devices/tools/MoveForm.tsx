import { Button, Group, Select, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../../../api/http';
import type { DeviceDetailDto, SiteDto } from '../../../api/types';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../../api/endpoints';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useFieldErrors } from '../../../components/useFieldErrors';
import { usePrefs } from '../../../prefs/PreferencesProvider';

/** Moving a device to another warehouse or branch: a `moved` event with the reason, in the device's history. */
export function MoveForm({ device, onMoved }: { device: DeviceDetailDto; onMoved: () => void }) {
  const { t, language } = usePrefs();
  const errors = useFieldErrors();
  const sites = useQuery(endpoints.sites());
  const [siteId, setSiteId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const nameOf = (s: SiteDto) => (language === 'en' && s.nameLatin ? s.nameLatin : s.name);
  const here = sites.data?.find((s) => s.id === device.siteId);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!siteId) return;
    setBusy(true);
    errors.clear();
    try {
      await api<DeviceDetailDto>(`/api/devices/${device.id}/moves`, { method: 'POST', body: { siteId: Number(siteId), ...(reason.trim() ? { reason: reason.trim() } : {}) } });
      setSiteId(null);
      setReason('');
      onMoved();
    } catch (err) {
      errors.setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (sites.data && sites.data.length === 0) return <Text size="sm" c="dimmed">{t('move.noSites')}</Text>;
  return (
    <form onSubmit={onSubmit} noValidate data-testid="move-form">
      <Text size="sm" mb="xs">{t('move.current')}: {here ? nameOf(here) : '—'}</Text>
      {errors.error !== null && <ErrorAlert error={errors.error} unshown={errors.unshown(['siteId', 'reason'])} />}
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select label={t('move.to')} value={siteId} onChange={setSiteId} w={220} error={errors.field('siteId')}
          data={(sites.data ?? []).filter((s) => s.id !== device.siteId).map((s) => ({ value: String(s.id), label: nameOf(s) }))} />
        <TextInput label={t('move.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.field('reason')}
          style={{ flex: '1 1 200px' }} />
        <Button type="submit" variant="light" loading={busy} disabled={!siteId}>{t('move.submit')}</Button>
      </Group>
    </form>
  );
}
