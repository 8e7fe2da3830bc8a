import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { endpoints } from '../../api/endpoints';
import { STAFF } from '../../api/types';
import { useUser } from '../../auth/AuthProvider';
import { PagedList } from '../../components/PagedList';
import { PageHeader } from '../../components/PageHeader';
import { useQueryParams } from '../../components/useQueryParams';
import { useT } from '../../prefs/PreferencesProvider';
import { DeviceFilters, type DeviceFilterKey } from './DeviceFilters';
import { DeviceTable } from './DeviceTable';
import { Busy } from '../../components/Busy';
import { FirstSteps } from '../../components/FirstSteps';
import { BulkBar } from './bulk/BulkBar';
import { BulkSummary } from './bulk/BulkSummary';
import { SelectAllBanner } from './bulk/SelectAllBanner';
import { useDeviceSelection } from './bulk/useDeviceSelection';
import type { BulkResult } from './bulk/bulkApi';

const KEYS: readonly DeviceFilterKey[] = ['q', 'status', 'type', 'donationId', 'siteId'];
const PAGE_SIZE = 50;

export default function DeviceListPage() {
  const t = useT();
  const staff = STAFF.includes(useUser().role);
  const { values, page, set } = useQueryParams(KEYS);
  const list = useQuery(endpoints.devices.list({ ...values, page, pageSize: PAGE_SIZE }));
  const filters = Object.fromEntries(KEYS.filter((k) => values[k]).map((k) => [k, values[k]]));
  const selection = useDeviceSelection(JSON.stringify(filters));
  const [result, setResult] = useState<BulkResult | null>(null);
  const items = list.data?.items ?? [];
  const pageAllSelected = items.length > 0 && items.every((d) => selection.selected.has(d.id));
  return (
    <>
      <PageHeader title={t('devices.title')}>{list.isFetching && <Busy />}</PageHeader>
      <DeviceFilters values={values} set={set} />
      {result && <BulkSummary result={result} onClose={() => setResult(null)} />}
      {(pageAllSelected || selection.allMatching !== null) && (
        <SelectAllBanner
          selection={selection}
          pageCount={items.length}
          total={list.data?.total ?? 0}
          filters={filters}
        />
      )}
      {/* No device yet (and no filter): the first hour's guide says how the first ones come in. */}
      {list.data?.total === 0 && Object.keys(filters).length === 0 ? (
        <FirstSteps />
      ) : (
        <PagedList query={list} onPage={(p) => set({ page: p })} empty={false}>
          {(devices) => <DeviceTable devices={devices} selection={selection} />}
        </PagedList>
      )}
      {selection.selected.size > 0 && (
        <BulkBar
          devices={selection.list}
          filters={filters}
          allMatching={selection.allMatching !== null}
          staff={staff}
          onClear={selection.clear}
          onResult={(r) => {
            setResult(r);
            selection.clear();
          }}
        />
      )}
    </>
  );
}
