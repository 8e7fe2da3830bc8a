import { Table, Text } from '@mantine/core';
import type { DeviceDto } from '../../api/types';
import { DeviceStatusBadge } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { DeviceIdentityCells, DonationCodeCell } from '../../components/DeviceCells';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { TableScroll } from '../../components/TableScroll';

export function DeviceTable({ devices, showDonation = true }: { devices: DeviceDto[]; showDonation?: boolean }) {
  const { t, fmt } = usePrefs();
  if (devices.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('list.empty')}
      </Text>
    );
  return (
    <TableScroll label={t('devices.title')}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="device-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('device.assetTag')}</Table.Th>
            <Table.Th>{t('device.type')}</Table.Th>
            <Table.Th>{t('device.model')}</Table.Th>
            <Table.Th>{t('device.serial')}</Table.Th>
            <Table.Th>{t('device.status')}</Table.Th>
            {showDonation && <Table.Th>{t('device.donation')}</Table.Th>}
            <Table.Th>{t('device.statusChanged')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {devices.map((d) => (
            <Table.Tr key={d.id}>
              <DeviceIdentityCells device={d} />
              <Table.Td>
                <Ltr mono>{d.serialNumber || '—'}</Ltr>
              </Table.Td>
              <Table.Td>
                <DeviceStatusBadge status={d.status} />
              </Table.Td>
              {showDonation && <DonationCodeCell donationId={d.donationId} donationCode={d.donationCode} />}
              <Table.Td className="nm-nowrap">{fmt.date(d.statusChangedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
