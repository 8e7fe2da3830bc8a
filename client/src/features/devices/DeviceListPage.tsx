import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { PagedList } from '../../components/PagedList';
import { PageHeader } from '../../components/PageHeader';
import { useQueryParams } from '../../components/useQueryParams';
import { useT } from '../../prefs/PreferencesProvider';
import { DeviceFilters, type DeviceFilterKey } from './DeviceFilters';
import { DeviceTable } from './DeviceTable';
import { Busy } from '../../components/Busy';

const KEYS: readonly DeviceFilterKey[] = ['q', 'status', 'type', 'donationId', 'siteId'];
const PAGE_SIZE = 50;

export default function DeviceListPage() {
  const t = useT();
  const { values, page, set } = useQueryParams(KEYS);
  const list = useQuery(endpoints.devices.list({ ...values, page, pageSize: PAGE_SIZE }));
  return (
    <>
      <PageHeader title={t('devices.title')}>{list.isFetching && <Busy />}</PageHeader>
      <DeviceFilters values={values} set={set} />
      <PagedList query={list} onPage={(p) => set({ page: p })} empty={false}>
        {(items) => <DeviceTable devices={items} />}
      </PagedList>
    </>
  );
}
