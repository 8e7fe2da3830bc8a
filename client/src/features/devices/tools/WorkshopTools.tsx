import { Divider, Stack, Title } from '@mantine/core';
import { carriesImei, isClosed, type DeviceDetailDto } from '../../../api/types';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../../api/endpoints';
import { usePrefs } from '../../../prefs/PreferencesProvider';
import { HardwareReportUpload } from './HardwareReportUpload';
import { MoveForm } from './MoveForm';
import { NoteForm } from './NoteForm';
import { FactoryResetForm } from './FactoryResetForm';
import { NwipeUpload } from './NwipeUpload';
import { SanitizationForm } from './SanitizationForm';
import { SanitizationRecords } from './SanitizationRecords';
import { TitledCard } from '../../../components/TitledCard';

/** Once a device is allocated, handed over or disposed of, the server takes no more reports or wipe records. */

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
  const open = canRecord && !isClosed(device.status);
  const reload = () => {
    onChanged();
    void fetched.refetch();
  };
  return (
    <TitledCard title={t('wipe.title')} data-testid="sanitization-panel">
      <Stack gap="sm">
        <SanitizationRecords records={records} onDecided={reload} />
        {open && carriesImei(device.type) && (
          <>
            <Divider />
            <FactoryResetForm deviceId={device.id} />
          </>
        )}
        {open && device.drives.length > 0 && (
          <>
            <Divider />
            <NwipeUpload deviceId={device.id} />
            <SanitizationForm deviceId={device.id} drives={device.drives} />
          </>
        )}
      </Stack>
    </TitledCard>
  );
}

/** Hardware report, notes and moves: workshop records that do not change the status. Staff only. */
export function WorkshopTools({ device }: { device: DeviceDetailDto }) {
  const { t } = usePrefs();
  return (
    <TitledCard title={t('tools.title')} data-testid="workshop-tools">
      <Stack gap="md">
        {!isClosed(device.status) && (
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
    </TitledCard>
  );
}
