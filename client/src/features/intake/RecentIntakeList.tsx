import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { usePrefs } from '../../prefs/PreferencesProvider';
import type { RecentDevice } from './recentIntake';

export function RecentIntakeList({ items }: { items: RecentDevice[] }) {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  return (
    <Paper withBorder p="md" mt="md">
      <Title order={2} fz="lg" mb="xs">
        {t('intake.recent')}
      </Title>
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
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d, i) => (
                <Table.Tr key={d.id} fw={i === 0 ? 700 : undefined}>
                  <Table.Td className="nm-nowrap">
                    <Anchor component={Link} to={`/devices/${d.id}`} fz={i === 0 ? 'lg' : 'sm'}>
                      <Ltr mono>{d.assetTag}</Ltr>
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{label('deviceType', d.type)}</Table.Td>
                  <Table.Td>
                    <Ltr>{[d.manufacturer, d.model].filter(Boolean).join(' ') || '—'}</Ltr>
                  </Table.Td>
                  <Table.Td>
                    <Ltr mono>{d.serialNumber || '—'}</Ltr>
                  </Table.Td>
                  <Table.Td className="nm-nowrap">{fmt.dateTime(d.at)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Paper>
  );
}
