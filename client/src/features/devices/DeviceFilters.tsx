import { Button, Group, Select } from '@mantine/core';
import { DEVICE_STATUSES, DEVICE_TYPES } from '../../api/types';
import { SearchInput } from '../../components/SearchInput';
import { useEnumOptions } from '../../components/useEnumOptions';
import { Ltr } from '../../components/Ltr';
import { useT } from '../../prefs/PreferencesProvider';

export type DeviceFilterKey = 'q' | 'status' | 'type' | 'donationId' | 'siteId';

export function DeviceFilters({
  values,
  set,
}: {
  values: Record<DeviceFilterKey, string>;
  set: (c: Partial<Record<DeviceFilterKey, string | null>>) => void;
}) {
  const t = useT();
  const options = useEnumOptions();
  return (
    <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
      <SearchInput
        label={t('list.search')}
        placeholder={t('device.searchHint')}
        value={values.q}
        onChange={(q) => set({ q })}
      />
      <Select
        label={t('device.status')}
        placeholder={t('list.all')}
        clearable
        data={options('deviceStatus', DEVICE_STATUSES)}
        value={values.status || null}
        onChange={(status) => set({ status })}
        w={170}
      />
      <Select
        label={t('device.type')}
        placeholder={t('list.all')}
        clearable
        data={options('deviceType', DEVICE_TYPES)}
        value={values.type || null}
        onChange={(type) => set({ type })}
        w={170}
      />
      {/* Donation and site filters arrive from links (a donation page, a site); they show here so they can be removed. */}
      {values.donationId && (
        <Button variant="light" size="sm" onClick={() => set({ donationId: null })} aria-label={t('list.removeFilter')}>
          {t('device.donation')}: <Ltr>#{values.donationId}</Ltr> ×
        </Button>
      )}
      {values.siteId && (
        <Button variant="light" size="sm" onClick={() => set({ siteId: null })} aria-label={t('list.removeFilter')}>
          {t('device.site')}: <Ltr>#{values.siteId}</Ltr> ×
        </Button>
      )}
    </Group>
  );
}
