import { Button, Group, Select } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { useUser } from '../../auth/AuthProvider';
import { STAFF } from '../../api/types';
import { PagedList } from '../../components/PagedList';
import { DONATION_STATUSES } from '../../api/types';
import { IconPlus } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { useEnumOptions } from '../../components/useEnumOptions';
import { useQueryParams } from '../../components/useQueryParams';
import { useT } from '../../prefs/PreferencesProvider';
import { DonationTable } from './DonationTable';
import { Busy } from '../../components/Busy';
import { FirstSteps } from '../../components/FirstSteps';

const KEYS = ['q', 'status', 'donorId'] as const;

export default function DonationListPage() {
  const t = useT();
  const user = useUser();
  const options = useEnumOptions();
  const { values, page, set } = useQueryParams(KEYS);
  const list = useQuery(endpoints.donations.list({ ...values, page, pageSize: 50 }));
  return (
    <>
      <PageHeader title={t('donations.title')}>
        {list.isFetching && <Busy />}
        {STAFF.includes(user.role) && (
          <Button component={Link} to="/donations/new" leftSection={<IconPlus size={16} />}>
            {t('donations.new')}
          </Button>
        )}
      </PageHeader>
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <SearchInput
          label={t('list.search')}
          placeholder={t('donations.searchHint')}
          value={values.q}
          onChange={(q) => set({ q })}
        />
        <Select
          label={t('donation.status')}
          placeholder={t('list.all')}
          clearable
          data={options('donationStatus', DONATION_STATUSES)}
          value={values.status || null}
          onChange={(status) => set({ status })}
          w={160}
        />
      </Group>
      {/* No donation yet (and no filter): the first hour's guide says what comes next. */}
      {list.data?.total === 0 && !values.q && !values.status && !values.donorId ? (
        <FirstSteps />
      ) : (
        <PagedList query={list} onPage={(p) => set({ page: p })} empty={false}>
          {(items) => <DonationTable donations={items} />}
        </PagedList>
      )}
    </>
  );
}
