import { Anchor, Paper, SimpleGrid, Title } from '@mantine/core';
import { Link } from 'react-router';
import { carriesImei, type DeviceDetailDto } from '../../api/types';
import { Field } from '../../components/Field';
import { useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { usePrefs } from '../../prefs/PreferencesProvider';

export function DeviceSpecs({ device: d }: { device: DeviceDetailDto }) {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  const yesNo = (b: boolean | null) => (b === null ? null : b ? t('common.yes') : t('common.no'));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Paper withBorder p="md">
        <Title order={2} fz="lg" mb="sm">
          {t('device.identity')}
        </Title>
        <SimpleGrid cols={2} spacing="sm">
          <Field label={t('device.type')}>{label('deviceType', d.type)}</Field>
          <Field label={t('device.manufacturer')}>{d.manufacturer && <Ltr>{d.manufacturer}</Ltr>}</Field>
          <Field label={t('device.model')}>{d.model && <Ltr>{d.model}</Ltr>}</Field>
          <Field label={t('device.serial')}>{d.serialNumber && <Ltr mono>{d.serialNumber}</Ltr>}</Field>
          {(d.imei || carriesImei(d.type)) && (
            <Field label={t('device.imei')}>{d.imei && <Ltr mono>{d.imei}</Ltr>}</Field>
          )}
          <Field label={t('device.donation')}>
            <Anchor component={Link} to={`/donations/${d.donationId}`}>
              <Ltr mono>{d.donationCode ?? `#${d.donationId}`}</Ltr>
            </Anchor>
          </Field>
          <Field label={t('donation.donor')}>
            {d.donorId ? (
              <Anchor component={Link} to={`/donors/${d.donorId}`}>
                {d.donorName}
              </Anchor>
            ) : (
              d.donorName
            )}
          </Field>
          <Field label={t('device.disposition')}>{d.disposition && label('disposition', d.disposition)}</Field>
          <Field label={t('device.grade')}>{d.grade}</Field>
          <Field label={t('device.received')}>{fmt.dateTime(d.createdAt)}</Field>
          <Field label={t('device.statusChanged')}>{fmt.dateTime(d.statusChangedAt)}</Field>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} fz="lg" mb="sm">
          {t('device.specs')}
        </Title>
        <SimpleGrid cols={2} spacing="sm">
          <Field label={t('device.cpu')}>{d.cpu && <Ltr>{d.cpu}</Ltr>}</Field>
          <Field label={t('device.ram')}>{d.ramGb !== null && t('unit.gb', { n: d.ramGb })}</Field>
          <Field label={t('device.storage')}>{d.storageSummary && <Ltr>{d.storageSummary}</Ltr>}</Field>
          <Field label={t('device.screen')}>{d.screenInches !== null && t('unit.inch', { n: d.screenInches })}</Field>
          <Field label={t('device.battery')}>
            {d.batteryHealth !== null && t('unit.percent', { n: d.batteryHealth })}
          </Field>
          <Field label={t('device.os')}>{d.os && <Ltr>{d.os}</Ltr>}</Field>
          <Field label={t('device.licence')}>{d.licence && label('licence', d.licence)}</Field>
          <Field label={t('device.win11')}>{yesNo(d.windows11Eligible)}</Field>
        </SimpleGrid>
      </Paper>
    </SimpleGrid>
  );
}
