import { Badge, Table, Text } from '@mantine/core';
import type { DriveDto } from '../../api/types';
import { useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { TableScroll } from '../../components/TableScroll';
import { TitledCard } from '../../components/TitledCard';

function gigabytes(bytes: number | null): number | null {
  return bytes === null ? null : Math.round(bytes / 1e9);
}

export function DriveTable({ drives }: { drives: DriveDto[] }) {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  return (
    <TitledCard title={t('drive.title')}>
      {drives.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('drive.none')}
        </Text>
      ) : (
        <TableScroll label={t('drive.title')}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('drive.serial')}</Table.Th>
                <Table.Th>{t('drive.model')}</Table.Th>
                <Table.Th>{t('drive.mediaType')}</Table.Th>
                <Table.Th>{t('drive.capacity')}</Table.Th>
                <Table.Th>{t('drive.smart')}</Table.Th>
                <Table.Th>{t('drive.powerOnHours')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {drives.map((dr) => {
                const gb = gigabytes(dr.capacityBytes);
                return (
                  <Table.Tr key={dr.id}>
                    <Table.Td>
                      <Ltr mono>{dr.serialNumber}</Ltr>
                    </Table.Td>
                    <Table.Td>{dr.model ? <Ltr>{dr.model}</Ltr> : '—'}</Table.Td>
                    <Table.Td>{label('mediaType', dr.mediaType)}</Table.Td>
                    <Table.Td className="nm-nowrap">{gb === null ? '—' : t('unit.gb', { n: gb })}</Table.Td>
                    <Table.Td>
                      {dr.smartPassed === null ? (
                        '—'
                      ) : (
                        <Badge color={dr.smartPassed ? 'green' : 'red'} variant="light">
                          {dr.smartPassed ? t('drive.smartOk') : t('drive.smartFail')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{dr.powerOnHours === null ? '—' : fmt.number(dr.powerOnHours)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </TitledCard>
  );
}
