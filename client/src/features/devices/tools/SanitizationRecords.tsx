import { Badge, Table, Text } from '@mantine/core';
import type { SanitizationDto } from '../../../api/types';
import { useEnumLabel } from '../../../components/Labels';
import { Ltr } from '../../../components/Ltr';
import { usePrefs } from '../../../prefs/PreferencesProvider';
import { TableScroll } from '../../../components/TableScroll';

const RESULT_COLORS: Record<string, string> = { passed: 'green', failed: 'red', aborted: 'orange' };

/** Every record, one row per drive and attempt; a failed or aborted wipe stays in the list next to the later pass. */
export function SanitizationRecords({ records }: { records: SanitizationDto[] }) {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  if (records.length === 0) return <Text c="dimmed" size="sm">{t('wipe.noRecords')}</Text>;
  return (
    <TableScroll label={t('wipe.title')}>
      <Table verticalSpacing="xs" data-testid="sanitization-records">
        <Table.Thead><Table.Tr>
          <Table.Th>{t('drive.serial')}</Table.Th><Table.Th>{t('wipe.method')}</Table.Th><Table.Th>{t('wipe.tool')}</Table.Th>
          <Table.Th>{t('wipe.verification')}</Table.Th><Table.Th>{t('wipe.result')}</Table.Th><Table.Th>{t('wipe.finishedAt')}</Table.Th>
          <Table.Th>{t('wipe.source')}</Table.Th>
        </Table.Tr></Table.Thead>
        <Table.Tbody>
          {records.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td><Ltr mono>{r.driveSerial}</Ltr></Table.Td>
              <Table.Td>{label('wipeMethod', r.method)} · {label('technique', r.technique)}{r.passes !== null ? ` · ${t('wipe.passesN', { n: r.passes })}` : ''}</Table.Td>
              <Table.Td><Ltr>{r.tool}</Ltr></Table.Td>
              <Table.Td>{label('verification', r.verification)}</Table.Td>
              <Table.Td><Badge color={RESULT_COLORS[r.result] ?? 'gray'} variant="light">{label('wipeResult', r.result)}</Badge></Table.Td>
              <Table.Td className="nm-nowrap">{fmt.dateTime(r.finishedAt ?? r.createdAt)}</Table.Td>
              <Table.Td>{label('wipeSource', r.source)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
