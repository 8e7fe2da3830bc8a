// This module's rows as the device page (workshop/device-page.ts), GET /api/devices/:id/sanitizations and the
// confirmation queue read them: each record with its drive's serial and the names of its operator and verifier.
import { columnsOf, selectList, sqlOnce, unprefixed, type Row } from '../../db/select-batch.js';
import { Sanitization, DeviceFile } from './sanitization.model.js';
import { toSanitizationDto, type SanitizationDto } from './sanitization.schema.js';
import type { DeviceFileDto } from '../../shared/index.js';

/** The joins that name a record's people; `s` is the sanitizations alias. Used by the device page too. */
export const peopleJoins = (s: string): string =>
  `LEFT JOIN users ${s}_op ON ${s}_op.id = ${s}.operator_id LEFT JOIN users ${s}_vf ON ${s}_vf.id = ${s}.verifier_id`;
export const peopleColumns = (s: string, prefix = ''): string[] => [
  `${s}_op.name AS ${prefix}operatorName`,
  `${s}_vf.name AS ${prefix}verifierName`,
];

const recordsSql = (
  where: string,
) => `SELECT ${columnsOf(Sanitization, 't')}, dr.serial_number AS driveSerial, ${peopleColumns('t').join(', ')}
  FROM sanitizations t LEFT JOIN drives dr ON dr.id = t.drive_id ${peopleJoins('t')} WHERE ${where} ORDER BY t.id`;

/** Every sanitization record of the device `:id`. */
export const deviceSanitizationsSql = sqlOnce(() => recordsSql('t.device_id = :id'));
/** One record, `:id`. */
export const sanitizationByIdSql = sqlOnce(() => recordsSql('t.id = :id'));

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export const sanitizationRowToDto = (row: Record<string, unknown>): SanitizationDto =>
  // A device-level record (a phone's factory reset) has no drive: its serial is null.
  toSanitizationDto(row as unknown as Sanitization, (row.driveSerial as string | null) ?? null, {
    operatorName: text(row.operatorName),
    verifierName: text(row.verifierName),
  });

export function toDeviceFileDto(f: DeviceFile): DeviceFileDto {
  return {
    id: f.id,
    kind: f.kind,
    format: f.format,
    sha256: f.sha256,
    sizeBytes: f.sizeBytes,
    originalName: f.originalName,
    createdAt: new Date(f.createdAt).toISOString(),
  };
}

type ColumnOptions = Parameters<typeof selectList>[2];

/** The select list of the sanitizations' columns under `alias` (db/select-batch.ts selectList), for the device page. */
export const sanitizationSelectList = (alias: string | null, options?: ColumnOptions): string[] =>
  selectList(Sanitization, alias, options);
/** The select list of the device files' columns under `alias` (db/select-batch.ts selectList), for the device page. */
export const deviceFileSelectList = (alias: string | null, options?: ColumnOptions): string[] =>
  selectList(DeviceFile, alias, options);
/** The sanitization attributes `sanitizationSelectList(alias, { prefix })` put in `row`, without the prefix. */
export const unprefixedSanitization = (row: Row, prefix: string): Row => unprefixed(row, Sanitization, prefix);
/** The device-file attributes `deviceFileSelectList(alias, { prefix })` put in `row`, without the prefix. */
export const unprefixedDeviceFile = (row: Row, prefix: string): Row => unprefixed(row, DeviceFile, prefix);
