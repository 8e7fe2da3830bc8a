// Applies a parsed hardware report to a device: fills specs and drives, keeps the raw file (by sha256), and
// turns Workbench 11 erasure steps into sanitization records, all in one transaction.
import { withTransaction } from '../../db/sequelize.js';
import { storeFile } from '../../lib/file-store.js';
import { ConflictError, NotFoundError } from '../../lib/errors.js';
import { recordDeviceChanged } from '../figures/index.js';
import { logger } from '../../lib/logger.js';
import { serialKey } from '../../lib/text.js';
import type { Actor } from '../auth/index.js';
import { appendEvent } from './devices.events.js';
import { isClosed } from './devices.lifecycle.js';
import { Device, Drive } from './devices.model.js';
import { toDeviceDto, toDriveDto } from './devices.schema.js';
import { addDeviceFile, addRecords } from '../sanitization/index.js';
import { readHardwareReport, type ParsedDrive } from '../hardware/index.js';
import type { HardwareReportResult } from '../../shared/index.js';

export type { HardwareReportResult };

function storageSummary(drives: ParsedDrive[]): string | null {
  if (!drives.length) return null;
  return drives
    .map((d) => `${d.capacityBytes ? Math.round(d.capacityBytes / 1e9) : '?'} GB ${d.mediaType.toUpperCase()}`)
    .join(' + ')
    .slice(0, 200);
}

export async function applyHardwareReport(
  deviceId: number,
  content: Buffer,
  originalName: string | undefined,
  force: boolean,
  actor: Actor,
): Promise<HardwareReportResult> {
  const report = await readHardwareReport(content);
  const sha256 = await storeFile(content);
  const result = await withTransaction(async (transaction) => {
    const device = await Device.findByPk(deviceId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!device) throw new NotFoundError(`Device ${deviceId} not found`);
    if (isClosed(device.status))
      throw new ConflictError('DEVICE_NOT_IN_WORKSHOP', `Device ${device.assetTag} is ${device.status}`);
    const reported = report.device.serialNumber;
    if (reported && device.serialKey && serialKey(reported) !== device.serialKey && !force) {
      throw new ConflictError(
        'SERIAL_MISMATCH',
        `The report is of serial ${reported}, but ${device.assetTag} is recorded as ${device.serialNumber}; send force=true if the record is wrong`,
        { recorded: device.serialNumber, reported },
      );
    }
    const d = report.device;
    const before = { siteId: device.siteId, type: device.type };
    await device.update(
      {
        manufacturer: d.manufacturer ?? device.manufacturer,
        model: d.model ?? device.model,
        // A device with an IMEI stays a phone or tablet (docs/phones.md): a PC report's chassis does not re-type it.
        type: device.imei ? device.type : (d.type ?? device.type),
        cpu: d.cpu ?? device.cpu,
        ramGb: d.ramGb ?? device.ramGb,
        serialNumber: reported ?? device.serialNumber,
        serialKey: reported ? serialKey(reported) : device.serialKey,
        storageSummary: storageSummary(report.drives) ?? device.storageSummary,
      },
      { transaction },
    );
    await recordDeviceChanged(device.id, before, transaction);
    await upsertDrives(device.id, report.drives, transaction);
    await addDeviceFile(
      {
        deviceId,
        kind: 'hardware_report',
        format: report.format,
        sha256,
        sizeBytes: content.length,
        originalName: originalName?.slice(0, 255) ?? null,
        uploadedBy: actor.id,
      },
      transaction,
    );
    await appendEvent(
      deviceId,
      {
        type: 'hardware_report',
        actorId: actor.id,
        payload: {
          format: report.format,
          sha256,
          serialNumber: reported,
          drives: report.drives.map((x) => x.serialNumber),
          warnings: report.warnings.length,
          forced: force,
        },
      },
      transaction,
    );
    const sanitizations = report.erasures.length
      ? await addRecords(
          device,
          report.erasures.map((e) => ({ ...e, passes: e.passes ?? undefined, source: 'workbench' as const })),
          actor.id,
          sha256,
          transaction,
        )
      : [];
    const drives = await Drive.findAll({ where: { deviceId }, order: [['id', 'ASC']], transaction });
    return { device: await device.reload({ transaction }), drives, sanitizations };
  });
  logger.info('hardware.report_applied', { deviceId, format: report.format, drives: result.drives.length });
  return {
    format: report.format,
    sha256,
    device: toDeviceDto(result.device),
    drives: result.drives.map(toDriveDto),
    warnings: report.warnings,
    sanitizations: result.sanitizations,
  };
}

async function upsertDrives(
  deviceId: number,
  parsed: ParsedDrive[],
  transaction: import('sequelize').Transaction,
): Promise<void> {
  const existing = await Drive.findAll({ where: { deviceId }, transaction });
  const byKey = new Map(existing.map((d) => [d.serialKey, d]));
  for (const p of parsed) {
    const key = serialKey(p.serialNumber);
    const fields = {
      model: p.model,
      mediaType: p.mediaType,
      capacityBytes: p.capacityBytes,
      smartPassed: p.smartPassed,
      powerOnHours: p.powerOnHours,
      reallocatedSectors: p.reallocatedSectors,
      pendingSectors: p.pendingSectors,
    };
    const found = byKey.get(key);
    if (found) await found.update(fields, { transaction });
    else await Drive.create({ deviceId, serialNumber: p.serialNumber, serialKey: key, ...fields }, { transaction });
  }
}
