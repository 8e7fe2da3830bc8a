import { Paper } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
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
  const { data, error, isFetching, refetch } = useQuery(endpoints.devices.list({ ...values, page, pageSize: PAGE_SIZE }));
  return (
    <>
      <PageHeader title={t('devices.title')}>{isFetching && <Busy />}</PageHeader>
      <DeviceFilters values={values} set={set} />
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : data && (
        <Paper withBorder p="md">
          <DeviceTable devices={data.items} />
          <Pager total={data.total} page={data.page} pageSize={data.pageSize} onPage={(p) => set({ page: p })} />
        </Paper>
      )}
    </>
  );
}
