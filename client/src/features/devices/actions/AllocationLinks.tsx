import { Button, Group } from '@mantine/core';
import { Link } from 'react-router';
import type { DeviceDetailDto } from '../../../api/types';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../../api/endpoints';
import { useT } from '../../../prefs/PreferencesProvider';

/** A ready device is allocated on the board; an allocated one is handed over (or released) on its allocation's page. */
export function AllocationLinks({ device }: { device: DeviceDetailDto }) {
  const t = useT();
  const reserved = useQuery({
    ...endpoints.allocations.list({ deviceId: device.id, status: 'reserved' }),
    enabled: device.status === 'allocated',
  });
  const allocation = reserved.data?.items[0];
  return (
    <Group gap="xs" mt="xs">
      {device.status === 'ready' && (
        <Button component={Link} to={`/allocation?deviceId=${device.id}`} variant="light">
          {t('lifecycle.allocate')}
        </Button>
      )}
      {allocation && (
        <Button component={Link} to={`/allocations/${allocation.id}`} variant="light">
          {t('allocation.openHandover')}
        </Button>
      )}
    </Group>
  );
}
