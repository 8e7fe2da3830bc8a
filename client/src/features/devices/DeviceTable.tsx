import { Checkbox, Table, Text } from '@mantine/core';
import type { DeviceDto } from '../../api/types';
import { DeviceStatusBadge } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { DeviceIdentityCells, DonationCodeCell } from '../../components/DeviceCells';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { TableScroll } from '../../components/TableScroll';

/** The list's selection (bulk actions): a checkbox per row and one for the page in the header. */
export interface TableSelection {
  selected: ReadonlyMap<number, number>;
  toggle: (device: DeviceDto) => void;
  setPage: (devices: DeviceDto[], on: boolean) => void;
}

export function DeviceTable({
  devices,
  showDonation = true,
  selection,
}: {
  devices: DeviceDto[];
  showDonation?: boolean;
  selection?: TableSelection;
}) {
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
            {selection && (
              <Table.Th w={36}>
                <PageCheckbox devices={devices} selection={selection} label={t('bulk.selectPage')} />
              </Table.Th>
            )}
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
            <Table.Tr key={d.id} bg={selection?.selected.has(d.id) ? 'var(--mantine-primary-color-light)' : undefined}>
              {selection && (
                <Table.Td>
                  <Checkbox
                    aria-label={t('bulk.selectRow', { tag: d.assetTag })}
                    checked={selection.selected.has(d.id)}
                    onChange={() => selection.toggle(d)}
                    data-testid="bulk-row"
                  />
                </Table.Td>
              )}
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

function PageCheckbox({
  devices,
  selection,
  label,
}: {
  devices: DeviceDto[];
  selection: TableSelection;
  label: string;
}) {
  const on = devices.filter((d) => selection.selected.has(d.id)).length;
  return (
    <Checkbox
      aria-label={label}
      checked={on > 0 && on === devices.length}
      indeterminate={on > 0 && on < devices.length}
      onChange={() => selection.setPage(devices, on < devices.length)}
      data-testid="bulk-page"
    />
  );
}
