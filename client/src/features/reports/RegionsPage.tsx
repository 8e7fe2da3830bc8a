import { Anchor, Button, Group, Paper, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import type { RegionFiguresDto } from '../../api/types';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { Ltr } from '../../components/Ltr';
import { PageHeader } from '../../components/PageHeader';
import { TableScroll } from '../../components/TableScroll';
import { usePrefs } from '../../prefs/PreferencesProvider';
import type { MessageKey } from '../../i18n';
import { regionName } from './regionName';

/** The figure columns, in the order of the server's CSV. */
const COLUMNS: readonly { key: keyof RegionFiguresDto; label: MessageKey }[] = [
  { key: 'received', label: 'regions.received' },
  { key: 'inWorkshop', label: 'regions.inWorkshop' },
  { key: 'ready', label: 'regions.ready' },
  { key: 'handedOver', label: 'regions.handedOver' },
  { key: 'families', label: 'regions.families' },
  { key: 'students', label: 'regions.students' },
  { key: 'institutions', label: 'regions.institutions' },
  { key: 'drivesSanitized', label: 'regions.drivesSanitized' },
  { key: 'kgDiverted', label: 'regions.kg' },
  { key: 'co2eKg', label: 'regions.co2e' },
];

/**
 * Figures by region (spec §11): one row per region with any figure, the totals, the table as CSV (the server's
 * export, UTF-8 with a BOM for Excel) and the regional report for public partners as a PDF per region or for all.
 */
export default function RegionsPage() {
  const { t, fmt, language } = usePrefs();
  // A French UI asks for the report in Arabic and French; otherwise the server's default (the country's).
  const pdfLanguage = language === 'fr' ? 'fr' : undefined;
  const report = useQuery(endpoints.reports.regions());
  const title = t('regions.title');
  if (report.error && !report.data)
    return (
      <>
        <PageHeader title={title} />
        <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
      </>
    );
  if (!report.data) return <FullPageLoader />;
  const { items, totals } = report.data;
  const withRegion = items.filter((r) => r.country !== null);

  return (
    <>
      <PageHeader title={title}>
        {report.isFetching && <Busy />}
        <Button component="a" href={endpoints.reports.regionsCsvUrl} download variant="light" data-testid="regions-csv">
          {t('regions.csv')}
        </Button>
        {withRegion.length > 0 && (
          <Button
            component="a"
            href={endpoints.reports.regionPdfUrl('all', pdfLanguage)}
            target="_blank"
            rel="noopener"
            variant="light"
            data-testid="regions-pdf-all">
            {t('regions.pdfAll')}
          </Button>
        )}
      </PageHeader>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs" wrap="wrap">
          <Text size="sm" fw={500}>
            {t('regions.count', { n: withRegion.length })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('regions.hint')}
          </Text>
        </Group>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="regions-empty">
            {t('regions.empty')}
          </Text>
        ) : (
          <TableScroll label={title}>
            <Table striped verticalSpacing="xs" data-testid="regions-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('regions.region')}</Table.Th>
                  {COLUMNS.map((c) => (
                    <Table.Th key={c.key} scope="col" ta="end">
                      {t(c.label)}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col">{t('regions.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((row) => {
                  const name = row.country === null ? t('regions.unassigned') : regionName(row, language);
                  return (
                    <Table.Tr key={row.regionCode} data-region={row.regionCode}>
                      <Table.Th scope="row" fw={500}>
                        {name}
                        {row.country !== null && (
                          <Text span size="xs" c="dimmed" ms={6}>
                            <Ltr>{row.regionCode}</Ltr>
                          </Text>
                        )}
                      </Table.Th>
                      {COLUMNS.map((c) => (
                        <Table.Td key={c.key} ta="end">
                          {fmt.number(row[c.key])}
                        </Table.Td>
                      ))}
                      <Table.Td>
                        {row.country !== null && (
                          <Anchor
                            href={endpoints.reports.regionPdfUrl(row.regionCode, pdfLanguage)}
                            target="_blank"
                            rel="noopener"
                            size="sm"
                            style={{ whiteSpace: 'nowrap' }}>
                            {t('regions.pdf')}
                            <span className="nm-sr">{` (${name})`}</span>
                          </Anchor>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row">{t('regions.total')}</Table.Th>
                  {COLUMNS.map((c) => (
                    <Table.Th key={c.key} ta="end">
                      {fmt.number(totals[c.key])}
                    </Table.Th>
                  ))}
                  <Table.Td />
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </TableScroll>
        )}
      </Paper>
    </>
  );
}
