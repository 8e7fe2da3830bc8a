// This module's rows as the device page (workshop/device-page.ts) and GET /api/devices/:id/sanitizations read them.
import { columnsOf, sqlOnce } from '../../db/select-batch.js';
import { Sanitization, type DeviceFile } from './sanitization.model.js';
import { toSanitizationDto, type SanitizationDto } from './sanitization.schema.js';
import type { DeviceFileDto } from '../../shared/api-types.js';

/** Every sanitization record of the device `:id`, with the serial of its drive. */
export const deviceSanitizationsSql = sqlOnce(() => `SELECT ${columnsOf(Sanitization, 't')}, dr.serial_number AS driveSerial
  FROM sanitizations t LEFT JOIN drives dr ON dr.id = t.drive_id WHERE t.device_id = :id ORDER BY t.id`);

export const sanitizationRowToDto = (row: Record<string, unknown>): SanitizationDto =>
  toSanitizationDto(row as unknown as Sanitization, (row.driveSerial as string | null) ?? '');

export function toDeviceFileDto(f: DeviceFile): DeviceFileDto {
  return { id: f.id, kind: f.kind, format: f.format, sha256: f.sha256, sizeBytes: f.sizeBytes, originalName: f.originalName, createdAt: new Date(f.createdAt).toISOString() };
}
