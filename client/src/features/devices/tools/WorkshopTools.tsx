import { Divider, Paper, Stack, Title } from '@mantine/core';
import type { DeviceDetailDto } from '../../../api/types';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../../api/endpoints';
import { usePrefs } from '../../../prefs/PreferencesProvider';
import { HardwareReportUpload } from './HardwareReportUpload';
import { MoveForm } from './MoveForm';
import { NoteForm } from './NoteForm';
import { NwipeUpload } from './NwipeUpload';
import { SanitizationForm } from './SanitizationForm';
import { SanitizationRecords } from './SanitizationRecords';

/** Once a device is allocated, handed over or disposed of, the server takes no more reports or wipe records. */
const CLOSED = ['allocated', 'handed_over', 'recycled', 'harvested'];

/** The sanitization records: from the device detail when it carries them, else from their own route. */
export function SanitizationPanel({
  device,
  canRecord,
  onChanged,
}: {
  device: DeviceDetailDto;
  canRecord: boolean;
  onChanged: () => void;
}) {
  const { t } = usePrefs();
  const fetched = useQuery({ ...endpoints.devices.sanitizations(device.id), enabled: !device.sanitizations });
  const records = device.sanitizations ?? fetched.data ?? [];
  const open = canRecord && !CLOSED.includes(device.status);
  const reload = () => {
    onChanged();
    void fetched.refetch();
  };
  return (
    <Paper withBorder p="md" data-testid="sanitization-panel">
      <Title order={2} fz="lg" mb="xs">
        {t('wipe.title')}
      </Title>
      <Stack gap="sm">
        <SanitizationRecords records={records} onDecided={reload} />
        {open && device.drives.length > 0 && (
          <>
            <Divider />
            <NwipeUpload deviceId={device.id} />
            <SanitizationForm deviceId={device.id} drives={device.drives} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** Hardware report, notes and moves: workshop records that do not change the status. Staff only. */
export function WorkshopTools({ device }: { device: DeviceDetailDto }) {
  const { t } = usePrefs();
  return (
    <Paper withBorder p="md" data-testid="workshop-tools">
      <Title order={2} fz="lg" mb="xs">
        {t('tools.title')}
      </Title>
      <Stack gap="md">
        {!CLOSED.includes(device.status) && (
          <>
            <HardwareReportUpload deviceId={device.id} />
            <Divider />
          </>
        )}
        <div>
          <Title order={3} fz="md" mb={4}>
            {t('note.title')}
          </Title>
          <NoteForm deviceId={device.id} />
        </div>
        <Divider />
        <div>
          <Title order={3} fz="md" mb={4}>
            {t('move.title')}
          </Title>
          <MoveForm device={device} />
        </div>
      </Stack>
    </Paper>
  );
}
