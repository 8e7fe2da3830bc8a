// GET /api/scan/:code — what did the scanner read? Tries each reading of the code against asset tags,
// donation codes, device serials and drive serials, in that order.
import { config } from '../../config.js';
import { selectRows } from '../../db/select-batch.js';
import { NotFoundError } from '../../lib/errors.js';
import { Device, Drive, formatAssetTag } from '../devices/index.js';
import { Donation } from '../donations/index.js';
import { scanCandidates } from './scan.normalize.js';
import type { ScanResultDto } from '../../shared/api-types.js';

const tagPattern = () => new RegExp(`^${config.tags.prefix}0*(\\d{1,12})$`);

function asAssetTag(reading: string): string | undefined {
  const m = tagPattern().exec(reading);
  return m ? formatAssetTag(Number(m[1])) : undefined;
}

function asDonationCode(reading: string): string | undefined {
  const m = /^DN(\d{4})(\d{4,6})$/.exec(reading);
  return m ? `DN-${m[1]}-${m[2]}` : undefined;
}

/**
 * The lookup nearly every scan ends in, as one plain statement: building it through the model (findOne) cost more
 * CPU than the database took to answer it (docs/performance.md).
 */
async function deviceByTag(tag: string): Promise<Pick<Device, 'id' | 'assetTag' | 'status'> | undefined> {
  const [row] = await selectRows<Pick<Device, 'id' | 'assetTag' | 'status'>>('SELECT id, asset_tag AS assetTag, status FROM devices WHERE asset_tag = :tag LIMIT 1', { tag });
  return row;
}

async function lookup(reading: string): Promise<ScanResultDto | undefined> {
  const tag = asAssetTag(reading);
  if (tag) {
    const device = await deviceByTag(tag);
    if (device) return { kind: 'device', id: device.id, assetTag: device.assetTag, status: device.status };
  }
  const code = asDonationCode(reading);
  if (code) {
    const donation = await Donation.findOne({ where: { code }, attributes: ['id', 'code', 'status'] });
    if (donation) return { kind: 'donation', id: donation.id, code: donation.code, status: donation.status };
  }
  const device = await Device.findOne({ where: { serialKey: reading }, attributes: ['id', 'assetTag', 'status'], order: [['id', 'DESC']] });
  if (device) return { kind: 'device', id: device.id, assetTag: device.assetTag, status: device.status };
  const drive = await Drive.findOne({
    where: { serialKey: reading }, include: [{ association: 'device', attributes: ['id', 'assetTag'] }], order: [['id', 'DESC']],
  });
  if (drive) {
    const parent = (drive as Drive & { device: Device }).device;
    return { kind: 'drive', id: drive.id, deviceId: parent.id, assetTag: parent.assetTag, serialNumber: drive.serialNumber };
  }
  return undefined;
}

export async function resolveScan(raw: string): Promise<ScanResultDto> {
  const readings = scanCandidates(raw);
  for (const reading of readings) {
    const found = await lookup(reading);
    if (found) return found;
  }
  // Report the reading that has the shape of a tag or donation code (`ىة000099` → NM000099), else the plain one.
  const normalized = readings.map((r) => asAssetTag(r) ?? asDonationCode(r)).find(Boolean) ?? readings[0] ?? '';
  throw new NotFoundError('Nothing matches this code', { normalized, tried: readings });
}
