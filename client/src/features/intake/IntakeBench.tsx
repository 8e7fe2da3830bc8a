import type { DeviceDto, IntakeDeviceInput } from '../../api/types';
import { IntakeDeviceForm } from './IntakeDeviceForm';
import type { RecentDevice } from './recentIntake';
import { RecentIntakeList } from './RecentIntakeList';

/**
 * What the bench shows once a donation is chosen: the device form and the devices added here. Its own chunk
 * (IntakeStationPage loads it lazily), so the screen a technician lands on, the donation picker, does not carry
 * the form's code.
 */
export default function IntakeBench({
  donationId,
  recent,
  onAdded,
}: {
  donationId: number;
  recent: RecentDevice[];
  onAdded: (d: DeviceDto, input: IntakeDeviceInput) => void;
}) {
  return (
    <>
      <IntakeDeviceForm key={donationId} donationId={donationId} onAdded={onAdded} />
      <RecentIntakeList items={recent} />
    </>
  );
}
