import { Badge, Group, SimpleGrid, Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { useUser } from '../../auth/AuthProvider';
import { STAFF } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { DeviceStatusBadge, useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../prefs/PreferencesProvider';
import { DeviceActions } from './DeviceActions';
import { DeviceCustody } from './DeviceCustody';
import { DeviceSpecs } from './DeviceSpecs';
import { DeviceTimeline } from './DeviceTimeline';
import { DriveTable } from './DriveTable';
import { DeviceDocuments } from './tools/DeviceDocuments';
import { SanitizationPanel, WorkshopTools } from './tools/WorkshopTools';

export default function DevicePage() {
  const t = useT();
  const label = useEnumLabel();
  const user = useUser();
  const { id } = useParams();
  const { data: d, error, refetch } = useQuery(endpoints.devices.get(Number(id) || 0));
  const reload = () => void refetch();
  // While the device reloads (after an action, a stale version, an upload) the page stays up with the old data, so
  // the forms below keep what was typed; only the very first load shows the loader.
  if (error && !d)
    return (
      <>
        <PageHeader title={t('device.title')} />
        <ErrorAlert error={error} onRetry={reload} />
      </>
    );
  if (!d) return <FullPageLoader />;
  const staff = STAFF.includes(user.role);
  return (
    <>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            <Ltr mono>{d.assetTag}</Ltr>
            <DeviceStatusBadge status={d.status} />
          </Group>
        }>
        {d.disposition && <Badge variant="outline">{label('disposition', d.disposition)}</Badge>}
        {d.grade && (
          <Badge variant="outline">
            {t('device.grade')} {d.grade}
          </Badge>
        )}
      </PageHeader>
      <Stack gap="md">
        {error && <ErrorAlert error={error} onRetry={reload} />}
        {d.custody && <DeviceCustody custody={d.custody} deviceId={d.id} assetTag={d.assetTag} />}
        <DeviceActions device={d} onChanged={reload} />
        <DeviceSpecs device={d} />
        <DriveTable drives={d.drives ?? []} />
        <SanitizationPanel device={d} canRecord={staff} onChanged={reload} />
        <SimpleGrid cols={{ base: 1, lg: staff ? 2 : 1 }} spacing="md">
          <DeviceDocuments device={d} />
          {staff && <WorkshopTools device={d} />}
        </SimpleGrid>
        <DeviceTimeline events={d.events ?? []} />
      </Stack>
    </>
  );
}
