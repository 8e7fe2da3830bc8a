// Server enums shown in the user's language. An unknown value (a status added on the server before the client
// knows it) is shown raw rather than hidden.
import { Badge } from '@mantine/core';
import type { DeviceStatus, DonationStatus } from '../api/types';
import { hasKey } from '../i18n';
import { useT } from '../prefs/PreferencesProvider';

export function useEnumLabel() {
  const t = useT();
  return (group: string, value: string | null | undefined): string => {
    if (value === null || value === undefined || value === '') return '—';
    const key = `${group}.${value}`;
    return hasKey(key) ? t(key) : value;
  };
}

const DEVICE_COLORS: Record<DeviceStatus, string> = {
  intake: 'gray',
  repair: 'orange',
  wipe: 'grape',
  refurbish: 'blue',
  ready: 'teal',
  allocated: 'cyan',
  handed_over: 'green',
  disposal: 'red',
  recycled: 'dark',
  harvested: 'dark',
};
const DONATION_COLORS: Record<DonationStatus, string> = {
  pledged: 'yellow',
  scheduled: 'blue',
  received: 'teal',
  closed: 'gray',
};

export function DeviceStatusBadge({ status }: { status: DeviceStatus }) {
  const label = useEnumLabel();
  return (
    <Badge color={DEVICE_COLORS[status] ?? 'gray'} variant="light">
      {label('deviceStatus', status)}
    </Badge>
  );
}

export function DonationStatusBadge({ status }: { status: DonationStatus }) {
  const label = useEnumLabel();
  return (
    <Badge color={DONATION_COLORS[status] ?? 'gray'} variant="light">
      {label('donationStatus', status)}
    </Badge>
  );
}
