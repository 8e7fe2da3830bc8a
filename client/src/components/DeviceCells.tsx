import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router';
import type { DeviceType } from '../api/types';
import { useEnumLabel } from './Labels';
import { Ltr } from './Ltr';

/** What the device cells need of a device: every list of devices (table, queue, board, recent intake) has these. */
export interface DeviceIdentity {
  id: number;
  assetTag: string;
  type: DeviceType;
  manufacturer?: string | null;
  model?: string | null;
}

/** Manufacturer and model as one name, or a dash when neither is known. */
export function deviceModelName(d: { manufacturer?: string | null; model?: string | null }): string {
  return [d.manufacturer, d.model].filter(Boolean).join(' ') || '—';
}

/** The asset tag as a link to the device's page; `fz` sets its size where one row stands out. */
export function AssetTagCell({ device, fz }: { device: { id: number; assetTag: string }; fz?: string }) {
  return (
    <Table.Td className="nm-nowrap">
      <Anchor component={Link} to={`/devices/${device.id}`} fz={fz}>
        <Ltr mono>{device.assetTag}</Ltr>
      </Anchor>
    </Table.Td>
  );
}

/** The first three cells of a device row: asset tag (a link), type and model. */
export function DeviceIdentityCells({ device, fz }: { device: DeviceIdentity; fz?: string }) {
  const label = useEnumLabel();
  return (
    <>
      <AssetTagCell device={device} fz={fz} />
      <Table.Td>{label('deviceType', device.type)}</Table.Td>
      <Table.Td>
        <Ltr>{deviceModelName(device)}</Ltr>
      </Table.Td>
    </>
  );
}

/** The donation a device came with, as a link: its code, or its number while it has none. */
export function DonationCodeCell({ donationId, donationCode }: { donationId: number; donationCode?: string | null }) {
  return (
    <Table.Td className="nm-nowrap">
      <Anchor component={Link} to={`/donations/${donationId}`}>
        <Ltr mono>{donationCode ?? `#${donationId}`}</Ltr>
      </Anchor>
    </Table.Td>
  );
}
