import { Badge, Group, Stack } from '@mantine/core';
import { useParams } from 'react-router';
import type { DeviceDetailDto } from '../../api/types';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { DeviceStatusBadge, useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../prefs/PreferencesProvider';
import { DeviceActions } from './DeviceActions';
import { DeviceSpecs } from './DeviceSpecs';
import { DeviceTimeline } from './DeviceTimeline';
import { DriveTable } from './DriveTable';

export default function DevicePage() {
  const t = useT();
  const label = useEnumLabel();
  const { id } = useParams();
  const { data: d, error, loading, reload } = useApi<DeviceDetailDto>(`/api/devices/${Number(id) || 0}`);
  if (error) return <><PageHeader title={t('device.title')} /><ErrorAlert error={error} onRetry={reload} /></>;
  if (loading || !d) return <FullPageLoader />;
  return (
    <>
      <PageHeader title={<Group gap="sm" component="span"><Ltr mono>{d.assetTag}</Ltr><DeviceStatusBadge status={d.status} /></Group>}>
        {d.disposition && <Badge variant="outline">{label('disposition', d.disposition)}</Badge>}
        {d.grade && <Badge variant="outline">{t('device.grade')} {d.grade}</Badge>}
      </PageHeader>
      <Stack gap="md">
        <DeviceActions actions={d.allowedActions ?? []} />
        <DeviceSpecs device={d} />
        <DriveTable drives={d.drives ?? []} />
        <DeviceTimeline events={d.events ?? []} />
      </Stack>
    </>
  );
}
