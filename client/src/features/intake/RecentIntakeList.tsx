import { Table, Text, VisuallyHidden } from '@mantine/core';
import { Ltr } from '../../components/Ltr';
import { DeviceIdentityCells } from '../../components/DeviceCells';
import { PrintLabelsButton } from '../../components/PrintLabelsButton';
import { usePrefs } from '../../prefs/PreferencesProvider';
import type { RecentDevice } from './recentIntake';
import { TitledCard } from '../../components/TitledCard';

/** The devices added at this bench, newest first, each with its label to print. */
export function RecentIntakeList({ items }: { items: RecentDevice[] }) {
  const { t, fmt } = usePrefs();
  return (
    <TitledCard title={t('intake.recent')} mt="md">
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('intake.recentEmpty')}
        </Text>
      ) : (
        <div className="nm-table-wrap">
          <Table striped highlightOnHover verticalSpacing="xs" data-testid="intake-recent">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('device.assetTag')}</Table.Th>
                <Table.Th>{t('device.type')}</Table.Th>
                <Table.Th>{t('device.model')}</Table.Th>
                <Table.Th>{t('device.serial')}</Table.Th>
                <Table.Th>{t('common.time')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('intake.printLabel')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d, i) => (
                <Table.Tr key={d.id} fw={i === 0 ? 700 : undefined}>
                  <DeviceIdentityCells device={d} fz={i === 0 ? 'lg' : 'sm'} />
                  <Table.Td>
                    <Ltr mono>{d.serialNumber || '—'}</Ltr>
                  </Table.Td>
                  <Table.Td className="nm-nowrap">{fmt.dateTime(d.at)}</Table.Td>
                  <Table.Td className="nm-nowrap">
                    {/* Stuck on the machine while it is still on the bench: the roll's 62×29 mm label. */}
                    <PrintLabelsButton
                      target={{ deviceIds: [d.id] }}
                      format="roll"
                      label={t('intake.printLabel')}
                      testId={`print-label-${d.id}`}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </TitledCard>
  );
}
