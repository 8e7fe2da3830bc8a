import { Anchor, Button, Group, Select, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { BENEFICIARY_KINDS, BENEFICIARY_STATUSES, NEEDS } from '../../api/types';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { PagedList } from '../../components/PagedList';
import { IconPlus } from '../../components/icons';
import { useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { PageHeader } from '../../components/PageHeader';
import { useRegionName } from '../../components/RegionFields';
import { SearchInput } from '../../components/SearchInput';
import { useEnumOptions } from '../../components/useEnumOptions';
import { useQueryParams } from '../../components/useQueryParams';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { BeneficiaryStatusBadge } from './BeneficiaryStatusBadge';
import { usePartners } from './usePartners';
import { TableScroll } from '../../components/TableScroll';
import { Busy } from '../../components/Busy';

const KEYS = ['q', 'status', 'kind', 'need', 'partnerId'] as const;

/**
 * The registry (managers only): filters on the server, by kind too (families, students, institutions); national IDs
 * only ever appear masked, and institutions have none (nor a household).
 */
export default function BeneficiaryListPage() {
  const { t, fmt } = usePrefs();
  const regionName = useRegionName();
  const label = useEnumLabel();
  const options = useEnumOptions();
  const { values, page, set } = useQueryParams(KEYS);
  const list = useQuery(endpoints.beneficiaries.list({ ...values, page, pageSize: 50 }));
  const partners = usePartners();
  const partner = partners.byId(Number(values.partnerId) || null);
  const partnerName = partner ? partners.nameOf(partner) : undefined;
  return (
    <>
      <PageHeader title={t('beneficiaries.title')}>
        {list.isFetching && <Busy />}
        <Button component={Link} to="/beneficiaries/new" leftSection={<IconPlus size={16} />}>
          {t('beneficiaries.new')}
        </Button>
      </PageHeader>
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <SearchInput
          label={t('list.search')}
          placeholder={t('beneficiaries.searchHint')}
          value={values.q}
          onChange={(q) => set({ q })}
        />
        <Select
          label={t('beneficiary.status')}
          placeholder={t('list.all')}
          clearable
          data={options('beneficiaryStatus', BENEFICIARY_STATUSES)}
          value={values.status || null}
          onChange={(status) => set({ status })}
          w={160}
        />
        <Select
          label={t('beneficiary.kind')}
          placeholder={t('list.all')}
          clearable
          data={options('beneficiaryKind', BENEFICIARY_KINDS)}
          value={values.kind || null}
          onChange={(kind) => set({ kind })}
          w={150}
        />
        <Select
          label={t('beneficiary.need')}
          placeholder={t('list.all')}
          clearable
          data={options('need', NEEDS)}
          value={values.need || null}
          onChange={(need) => set({ need })}
          w={150}
        />
        {/* A partner filter arrives from the partners page; it shows here so it can be removed. */}
        {values.partnerId && (
          <Button
            variant="light"
            size="sm"
            onClick={() => set({ partnerId: null })}
            aria-label={t('list.removeFilter')}>
            {t('beneficiary.partner')}: {partnerName ?? `#${values.partnerId}`} ×
          </Button>
        )}
      </Group>
      <PagedList query={list} onPage={(p) => set({ page: p })}>
        {(items) => (
          <TableScroll label={t('beneficiaries.title')}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="beneficiary-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('beneficiary.name')}</Table.Th>
                  <Table.Th>{t('beneficiary.nationalId')}</Table.Th>
                  <Table.Th>{t('beneficiary.phone')}</Table.Th>
                  <Table.Th>{t('beneficiary.region')}</Table.Th>
                  <Table.Th>{t('beneficiary.city')}</Table.Th>
                  <Table.Th>{t('beneficiary.kind')}</Table.Th>
                  <Table.Th>{t('beneficiary.need')}</Table.Th>
                  <Table.Th>
                    {values.kind === 'institution' ? t('institution.requestedDevices') : t('beneficiary.household')}
                  </Table.Th>
                  <Table.Th>{t('beneficiary.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((b) => (
                  <Table.Tr key={b.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/beneficiaries/${b.id}`}>
                        {b.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{b.nationalIdMasked ? <Ltr mono>{b.nationalIdMasked}</Ltr> : '—'}</Table.Td>
                    <Table.Td className="nm-nowrap">
                      <Ltr>{b.phone}</Ltr>
                    </Table.Td>
                    <Table.Td>{regionName(b.regionCode) || '—'}</Table.Td>
                    <Table.Td>{b.city ?? '—'}</Table.Td>
                    <Table.Td>
                      {label('beneficiaryKind', b.kind)}
                      {b.institution && (
                        <Text size="xs" c="dimmed">
                          {label('institutionType', b.institution.type)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{label('need', b.need)}</Table.Td>
                    <Table.Td>
                      {b.institution
                        ? t('institution.devicesN', { n: b.institution.requestedDevices })
                        : b.householdSize === null
                          ? '—'
                          : fmt.number(b.householdSize)}
                    </Table.Td>
                    <Table.Td>
                      <BeneficiaryStatusBadge status={b.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </PagedList>
    </>
  );
}
