import { Anchor, Button, Group, Select, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useUser } from '../../auth/AuthProvider';
import { STAFF } from '../../api/types';
import { PagedList } from '../../components/PagedList';
import { DONOR_KINDS } from '../../api/types';
import { IconPlus } from '../../components/icons';
import { useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { useEnumOptions } from '../../components/useEnumOptions';
import { useQueryParams } from '../../components/useQueryParams';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { useT } from '../../prefs/PreferencesProvider';
import { Busy } from '../../components/Busy';
import { FirstSteps } from '../../components/FirstSteps';

const KEYS = ['q', 'kind'] as const;

export default function DonorListPage() {
  const t = useT();
  const user = useUser();
  const label = useEnumLabel();
  const options = useEnumOptions();
  const { values, page, set } = useQueryParams(KEYS);
  const list = useQuery(endpoints.donors.list({ ...values, page, pageSize: 50 }));
  return (
    <>
      <PageHeader title={t('donors.title')}>
        {list.isFetching && <Busy />}
        {STAFF.includes(user.role) && (
          <Button component={Link} to="/donors/new" leftSection={<IconPlus size={16} />}>
            {t('donors.new')}
          </Button>
        )}
      </PageHeader>
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <SearchInput
          label={t('list.search')}
          placeholder={t('donors.searchHint')}
          value={values.q}
          onChange={(q) => set({ q })}
        />
        <Select
          label={t('donor.kind')}
          placeholder={t('list.all')}
          clearable
          data={options('donorKind', DONOR_KINDS)}
          value={values.kind || null}
          onChange={(kind) => set({ kind })}
          w={170}
        />
      </Group>
      {/* No donor yet (and no filter): the first hour's guide says where to begin. */}
      {list.data?.total === 0 && !values.q && !values.kind ? (
        <FirstSteps />
      ) : (
        <PagedList query={list} onPage={(p) => set({ page: p })}>
          {(items) => (
            <div className="nm-table-wrap">
              <Table striped highlightOnHover verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('donor.name')}</Table.Th>
                    <Table.Th>{t('donor.kind')}</Table.Th>
                    <Table.Th>{t('donor.city')}</Table.Th>
                    <Table.Th>{t('donor.phone')}</Table.Th>
                    <Table.Th>{t('donor.email')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/donors/${d.id}`}>
                          {d.name}
                        </Anchor>
                        {d.nameLatin && d.nameLatin !== d.name && (
                          <Text size="xs" c="dimmed">
                            <Ltr>{d.nameLatin}</Ltr>
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{label('donorKind', d.kind)}</Table.Td>
                      <Table.Td>{d.city ?? '—'}</Table.Td>
                      <Table.Td className="nm-nowrap">{d.phone ? <Ltr>{d.phone}</Ltr> : '—'}</Table.Td>
                      <Table.Td>{d.email ? <Ltr>{d.email}</Ltr> : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          )}
        </PagedList>
      )}
    </>
  );
}
