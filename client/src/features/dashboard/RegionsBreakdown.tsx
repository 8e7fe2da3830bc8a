import { Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import type { RegionRowDto } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableScroll } from '../../components/TableScroll';
import { TitledCard } from '../../components/TitledCard';
import { usePrefs } from '../../prefs/PreferencesProvider';
import type { DashboardFilterValues } from '../reports/DashboardFilters';
import { CsvLink } from '../reports/CsvLink';
import { regionName } from '../reports/regionName';

const COLUMNS = ['received', 'ready', 'handedOver', 'families', 'students', 'institutions'] as const;

/**
 * The dashboard's figures by region, within its filters (GET /api/reports/regions with the same query): devices by
 * their site's region, handovers and people served by the beneficiary's. Only the regions with any of these figures.
 */
export function RegionsBreakdown({ query }: { query: Partial<DashboardFilterValues> }) {
  const { t, fmt, language } = usePrefs();
  const report = useQuery({ ...endpoints.reports.regions(query), placeholderData: keepPreviousData });
  const rows = (report.data?.items ?? []).filter((r) => COLUMNS.some((c) => r[c] !== 0));
  const name = (r: RegionRowDto) => (r.regionCode === 'unassigned' ? t('regions.unassigned') : regionName(r, language));
  const total = (c: (typeof COLUMNS)[number]) => rows.reduce((sum, r) => sum + r[c], 0);
  return (
    <TitledCard title={t('regions.title')} h="100%">
      <Text size="xs" c="dimmed" mb="xs">
        {t('dash.regions.hint')}
      </Text>
      {report.error && !report.data ? (
        <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
      ) : !report.data ? (
        <Text size="sm" c="dimmed">
          {t('common.loading')}
        </Text>
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="regions-breakdown-empty">
          {t('dash.regions.empty')}
        </Text>
      ) : (
        <TableScroll label={t('regions.title')}>
          <Table striped data-testid="regions-breakdown">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('regions.region')}</Table.Th>
                {COLUMNS.map((c) => (
                  <Table.Th key={c}>{t(`regions.${c}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.regionCode} data-region={r.regionCode}>
                  <Table.Th scope="row" fw={500}>
                    {name(r)}
                  </Table.Th>
                  {COLUMNS.map((c) => (
                    <Table.Td key={c} data-column={c}>
                      {fmt.number(r[c])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
            {rows.length > 1 && (
              <Table.Tfoot>
                <Table.Tr data-region="total">
                  <Table.Th scope="row">{t('regions.total')}</Table.Th>
                  {COLUMNS.map((c) => (
                    <Table.Th key={c} data-column={c}>
                      {fmt.number(total(c))}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Tfoot>
            )}
          </Table>
        </TableScroll>
      )}
      <CsvLink href={endpoints.reports.regionsCsvFor(query)} name={t('regions.title')} testId="regions-breakdown-csv" />
    </TitledCard>
  );
}
