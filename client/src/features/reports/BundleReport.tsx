import { Group, Paper, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { connectivity } from '../../api/connectivity';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MonthField } from '../../components/MonthField';
import { useRegionName } from '../../components/RegionFields';
import { TableScroll } from '../../components/TableScroll';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { CsvLink } from './CsvLink';

/**
 * The data given with devices (spec §14): bundles and gigabytes per sponsor, region (the beneficiary's at handover)
 * and month of handover, with the totals, over a period of months (both ends optional), and the same table as CSV.
 */
export function BundleReport() {
  const { t, fmt } = usePrefs();
  const regionName = useRegionName();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const query = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const report = useQuery({ ...connectivity.reports.bundles(query), placeholderData: keepPreviousData });
  const title = t('bundles.reportTitle');
  const rows = report.data?.rows ?? [];
  return (
    <Paper withBorder p="md" data-testid="bundle-report">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm" mb="xs">
        <div>
          <Title order={2} fz="lg">
            {title}
          </Title>
          <Text size="xs" c="dimmed">
            {t('bundles.reportHint')}
          </Text>
        </div>
        {report.isFetching && <Busy />}
      </Group>
      <Group gap="sm" align="flex-start" wrap="wrap" mb="sm" role="group" aria-label={t('bundles.period')}>
        <MonthField
          name="from"
          label={t('bundles.fromMonth')}
          value={from}
          max={to || undefined}
          onChange={setFrom}
          w={180}
        />
        <MonthField
          name="to"
          label={t('bundles.toMonth')}
          value={to}
          min={from || undefined}
          onChange={setTo}
          w={180}
        />
      </Group>
      {report.error && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && rows.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="bundle-report-empty">
          {t('bundles.reportEmpty')}
        </Text>
      )}
      {report.data && rows.length > 0 && (
        <TableScroll label={title}>
          <Table striped verticalSpacing="xs" data-testid="bundle-report-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('bundles.month')}</Table.Th>
                <Table.Th scope="col">{t('bundle.sponsor')}</Table.Th>
                <Table.Th scope="col">{t('region.label')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('bundles.bundles')}
                </Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('bundles.gb')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={`${r.sponsorId}-${r.regionCode}-${r.month}`}>
                  <Table.Td className="nm-nowrap">{fmt.month(r.month)}</Table.Td>
                  <Table.Td>{r.sponsorName}</Table.Td>
                  <Table.Td>{r.regionCode ? regionName(r.regionCode) : t('bundles.noRegion')}</Table.Td>
                  <Table.Td ta="end">{fmt.number(r.bundles)}</Table.Td>
                  <Table.Td ta="end">{fmt.number(r.dataGb)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row" colSpan={3}>
                  {t('regions.total')}
                </Table.Th>
                <Table.Th ta="end" data-testid="bundle-total">
                  {fmt.number(report.data.totals.bundles)}
                </Table.Th>
                <Table.Th ta="end">{fmt.number(report.data.totals.dataGb)}</Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </TableScroll>
      )}
      <CsvLink href={connectivity.reports.bundlesCsvUrl(query)} name={title} testId="bundle-report-csv" />
    </Paper>
  );
}
