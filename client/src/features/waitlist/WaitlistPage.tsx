import { Anchor, Group, Select, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { NEEDS } from '../../api/types';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { PagedList } from '../../components/PagedList';
import { useEnumLabel } from '../../components/Labels';
import { PageHeader } from '../../components/PageHeader';
import { useEnumOptions } from '../../components/useEnumOptions';
import { useQueryParams } from '../../components/useQueryParams';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { BeneficiaryStatusBadge } from '../beneficiaries/BeneficiaryStatusBadge';
import { PriorityBreakdown } from '../beneficiaries/PriorityBreakdown';
import { TableScroll } from '../../components/TableScroll';
import { Busy } from '../../components/Busy';

/** Verified and waitlisted beneficiaries by priority, each score broken down so the order can be explained. */
export default function WaitlistPage() {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  const options = useEnumOptions();
  const { values, page, set } = useQueryParams(['need'] as const);
  const list = useQuery(endpoints.waitlist({ need: values.need, page, pageSize: 25 }));
  return (
    <>
      <PageHeader title={t('waitlist.title')}>{list.isFetching && <Busy />}</PageHeader>
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <Select
          label={t('beneficiary.need')}
          placeholder={t('list.all')}
          clearable
          data={options('need', NEEDS)}
          value={values.need || null}
          onChange={(need) => set({ need })}
          w={180}
        />
        <Text size="sm" c="dimmed" style={{ flex: '1 1 260px' }}>
          {t('waitlist.intro')}
        </Text>
      </Group>
      <PagedList query={list} onPage={(p) => set({ page: p })} empty={t('waitlist.empty')}>
        {(items, result) => (
          <TableScroll label={t('waitlist.title')}>
            <Table verticalSpacing="sm" data-testid="waitlist-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('waitlist.rank')}</Table.Th>
                  <Table.Th>{t('beneficiary.name')}</Table.Th>
                  <Table.Th>{t('beneficiary.need')}</Table.Th>
                  <Table.Th>{t('beneficiary.status')}</Table.Th>
                  <Table.Th>{t('priority.score')}</Table.Th>
                  <Table.Th style={{ minWidth: 240 }}>{t('priority.breakdown')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.beneficiary.id}>
                    <Table.Td>{fmt.number(item.rank)}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/beneficiaries/${item.beneficiary.id}`}>
                        {item.beneficiary.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {label('beneficiaryKind', item.beneficiary.kind)}
                        {item.beneficiary.city ? ` · ${item.beneficiary.city}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>{label('need', item.beneficiary.need)}</Table.Td>
                    <Table.Td>
                      <BeneficiaryStatusBadge status={item.beneficiary.status} />
                    </Table.Td>
                    <Table.Td>
                      <Text fw={600}>{fmt.number(item.score)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <PriorityBreakdown breakdown={item.breakdown} weights={result.weights} compact />
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
