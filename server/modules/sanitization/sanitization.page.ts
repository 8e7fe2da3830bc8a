// This module's lists on the device page, read in the page's one round trip (devices/devices.detail.ts).
import { columnsOf, sqlOnce } from '../../db/select-batch.js';
import { DeviceFile, Sanitization } from './sanitization.model.js';
import { toSanitizationDto, type SanitizationDto } from './sanitization.schema.js';
import type { DeviceFileDto } from '../../shared/api-types.js';

/** Every sanitization record of the device `:id`, with the serial of its drive. */
export const deviceSanitizationsSql = sqlOnce(() => `SELECT ${columnsOf(Sanitization, 't')}, dr.serial_number AS driveSerial
  FROM sanitizations t LEFT JOIN drives dr ON dr.id = t.drive_id WHERE t.device_id = :id ORDER BY t.id`);

/** Every evidence file or report uploaded for the device `:id` (metadata; the bytes are in the file store). */
export const deviceFilesSql = sqlOnce(() => `SELECT ${columnsOf(DeviceFile, 't', { except: ['deviceId', 'uploadedBy'] })} FROM device_files t WHERE t.device_id = :id ORDER BY t.id`);

export const sanitizationRowToDto = (row: Record<string, unknown>): SanitizationDto =>
  toSanitizationDto(row as unknown as Sanitization, (row.driveSerial as string | null) ?? '');

export function toDeviceFileDto(f: DeviceFile): DeviceFileDto {
  return { id: f.id, kind: f.kind, format: f.format, sha256: f.sha256, sizeBytes: f.sizeBytes, originalName: f.originalName, createdAt: new Date(f.createdAt).toISOString() };
}
