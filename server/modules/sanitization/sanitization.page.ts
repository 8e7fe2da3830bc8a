// This module's lists on the device page, read inside the page's one statement (devices/devices.detail.ts).
import type { JsonSet } from '../../db/json-sets.js';
import { DeviceFile, Sanitization } from './sanitization.model.js';
import { toSanitizationDto, type SanitizationDto } from './sanitization.schema.js';
import type { DeviceFileDto } from '../../shared/api-types.js';

/** Every sanitization record of the device `:id`, with the serial of its drive. */
export const deviceSanitizationsSet: JsonSet = {
  model: Sanitization,
  from: '(SELECT s.*, dr.serial_number AS drive_serial FROM sanitizations s LEFT JOIN drives dr ON dr.id = s.drive_id WHERE s.device_id = :id) t',
  extra: { driveSerial: 't.drive_serial' },
};

/** Every evidence file or report uploaded for the device `:id` (metadata; the bytes are in the file store). */
export const deviceFilesSet: JsonSet = { model: DeviceFile, from: '(SELECT * FROM device_files WHERE device_id = :id) t' };

export const sanitizationRowToDto = (row: Record<string, unknown>): SanitizationDto =>
  toSanitizationDto(row as unknown as Sanitization, (row.driveSerial as string | null) ?? '');

export function toDeviceFileDto(f: DeviceFile): DeviceFileDto {
  return { id: f.id, kind: f.kind, format: f.format, sha256: f.sha256, sizeBytes: f.sizeBytes, originalName: f.originalName, createdAt: new Date(f.createdAt).toISOString() };
}
