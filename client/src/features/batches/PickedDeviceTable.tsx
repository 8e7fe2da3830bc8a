import { Anchor, Badge, CloseButton, Table, Text } from '@mantine/core';
import { memo } from 'react';
import { Link } from 'react-router';
import { deviceModelName } from '../../components/DeviceCells';
import { useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { useT } from '../../prefs/PreferencesProvider';
import type { PickedDevice } from './usePicklist';
import { isolate } from '../../i18n/isolate';

/** Why a device is marked: the server's refusal of the last submit, else what the list can tell before sending. */
function useFlag() {
  const t = useT();
  const label = useEnumLabel();
  return (d: PickedDevice): string | null => {
    if (d.refusal) return t(`batches.refusal.${d.refusal.reason}`, { status: label('deviceStatus', d.status) });
    if (d.custodyPartner) return t('batches.flag.custody', { partner: isolate(d.custodyPartner) });
    if (d.status !== 'ready') return t('batches.flag.notReady', { status: label('deviceStatus', d.status) });
    return null;
  };
}

/**
 * The devices picked so far, the last scanned on top (numbered in the order scanned), in a box of its own height so
 * that the scan input and the submit stay in view with a hundred devices; a device the batch cannot take is marked in
 * red with the reason (before sending when the list can tell, after a refusal by the server always). Memoised: the
 * scan input beside it is untouched when it grows.
 */
export const PickedDeviceTable = memo(function PickedDeviceTable({
  devices,
  onRemove,
}: {
  devices: PickedDevice[];
  onRemove: (id: number) => void;
}) {
  const t = useT();
  const label = useEnumLabel();
  const flag = useFlag();
  return (
    // Scrolls both ways (so the header can stick); focusable and named like components/TableScroll.
    <div
      className="nm-table-wrap"
      tabIndex={0}
      role="region"
      aria-label={t('batches.devices')}
      style={{ maxHeight: '30rem', overflowY: 'auto' }}>
      <Table verticalSpacing={4} striped stickyHeader data-testid="batch-devices">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={48}>#</Table.Th>
            <Table.Th>{t('device.assetTag')}</Table.Th>
            <Table.Th>{t('device.model')}</Table.Th>
            <Table.Th>{t('device.status')}</Table.Th>
            <Table.Th>
              <span className="nm-sr">{t('batches.remove')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...devices].reverse().map((d, r) => {
            const i = devices.length - 1 - r;
            const problem = flag(d);
            return (
              <Table.Tr
                key={d.id}
                data-testid="batch-device"
                data-tag={d.assetTag}
                data-refused={d.refusal ? d.refusal.reason : undefined}
                data-flagged={problem ? 'true' : undefined}
                style={problem ? { backgroundColor: 'var(--mantine-color-red-light)' } : undefined}>
                <Table.Td c="dimmed">{i + 1}</Table.Td>
                <Table.Td className="nm-nowrap">
                  <Anchor component={Link} to={`/devices/${d.id}`} target="_blank">
                    <Ltr mono>{d.assetTag}</Ltr>
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Ltr>{deviceModelName(d)}</Ltr>
                  {d.type && (
                    <Text span size="xs" c="dimmed">
                      {' · '}
                      {label('deviceType', d.type)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={d.status === 'ready' ? 'teal' : 'orange'} variant="light">
                    {label('deviceStatus', d.status)}
                  </Badge>
                  {problem && (
                    <Text size="xs" c="red.9" mt={2} data-testid="batch-device-problem">
                      {problem}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="end">
                  <CloseButton
                    size="sm"
                    onClick={() => onRemove(d.id)}
                    aria-label={t('batches.removeTag', { tag: d.assetTag })}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
});
