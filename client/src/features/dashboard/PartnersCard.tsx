import { Table, Text } from '@mantine/core';
import { endpoints } from '../../api/endpoints';
import type { DashboardDto } from '../../api/types';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { TableScroll } from '../../components/TableScroll';
import { TitledCard } from '../../components/TitledCard';
import type { DashboardFilterValues } from '../reports/DashboardFilters';
import { CsvLink } from '../reports/CsvLink';

/**
 * Families and students served through each partner association (within the dashboard's filters), and the devices
 * each holds now (spec §13); the same figures by region are in the CSV. Devices handed over to institutions are counted beside it.
 */
export function PartnersCard({ dashboard, query }: { dashboard: DashboardDto; query: Partial<DashboardFilterValues> }) {
  const { t, fmt } = usePrefs();
  const partners = dashboard.partners ?? [];
  return (
    <TitledCard title={t('dash.partners.title')} h="100%">
      <Text size="xs" c="dimmed" mb="xs">
        {t('dash.partners.hint')}
      </Text>
      {partners.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="partners-empty">
          {t('dash.partners.empty')}
        </Text>
      ) : (
        <TableScroll label={t('dash.partners.title')}>
          <Table striped data-testid="partners-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dash.partners.partner')}</Table.Th>
                <Table.Th>{t('dash.partners.families')}</Table.Th>
                <Table.Th>{t('dash.partners.students')}</Table.Th>
                <Table.Th>{t('dash.partners.handovers')}</Table.Th>
                <Table.Th>{t('dash.partners.inCustody')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {partners.map((p) => (
                <Table.Tr key={p.partnerId}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {p.name}
                    </Text>
                    {p.byRegion.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {t('dash.partners.regions', { n: p.byRegion.length })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{fmt.number(p.families)}</Table.Td>
                  <Table.Td>{fmt.number(p.students)}</Table.Td>
                  <Table.Td>{fmt.number(p.handovers)}</Table.Td>
                  <Table.Td>{fmt.number(p.inCustody)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      <Text size="sm" mt="sm" data-testid="devices-to-institutions">
        {t('dash.institutions', { n: dashboard.devicesToInstitutions ?? 0 })}
      </Text>
      {/* The same rows as the table: the dashboard's filters go with the link. */}
      <CsvLink href={endpoints.reports.partnersCsvFor(query)} name={t('dash.partners.title')} testId="partners-csv" />
    </TitledCard>
  );
}
