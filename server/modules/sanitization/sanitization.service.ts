// Sanitization records (NIST SP 800-88), per drive: read from the wipe tool's own log or report, backed by a photo of
// the destruction, or typed in by hand. Spec §10: a record with a file counts at once; one typed in by hand waits for
// the verifier it names to confirm it (sanitization.confirm.ts), so no one person can make a drive count as wiped.
import { QueryTypes, type Transaction } from 'sequelize';
import { getSequelize, withTransaction } from '../../db/sequelize.js';
import { readStoredFile, storeFile } from '../../lib/file-store.js';
import {
  ConflictError,
  NotFoundError,
  UnprocessableError,
  UnsupportedTypeError,
  ValidationError,
} from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import { serialKey } from '../../lib/text.js';
import { activeUsersAmong, STAFF, type Actor } from '../auth/index.js';
import { appendEvent, drivesOf, findDevice, isClosed, type Device } from '../devices/index.js';
import { carriesImei, DEVICE_LEVEL_TECHNIQUE } from '../../shared/index.js';
import { recordSanitizations as countSanitizations } from '../figures/index.js';
import { readNwipeLog } from './sanitization.nwipe.js';
import { photoFormat, reportFormat } from './sanitization.evidence.js';
import { deviceSanitizationsSql, sanitizationRowToDto } from './sanitization.page.js';
import { DeviceFile, Sanitization } from './sanitization.model.js';
import { toSanitizationDto, type SanitizationDto, type SanitizationInput } from './sanitization.schema.js';
import { publishEvent } from '../webhooks/index.js';

export type RecordDraft = Omit<SanitizationInput, 'startedAt' | 'finishedAt'> & {
  startedAt?: Date | string | null;
  finishedAt?: Date | string | null;
  source: Sanitization['source'];
};

export interface Evidence {
  data: Buffer;
  kind: DeviceFile['kind'];
  format: string;
  originalName?: string;
}

/**
 * Each named verifier: someone other than the operator, an active user of a role that may do workshop work. One
 * query for all the drafts; the first draft whose verifier fails decides the error, as before.
 */
async function assertVerifiers(drafts: RecordDraft[], actor: Actor): Promise<void> {
  const named = drafts.map((d) => d.verifierId).filter((id): id is number => id !== undefined);
  if (!named.length) return;
  const staff = await activeUsersAmong(
    named.filter((id) => id !== actor.id),
    STAFF,
  );
  for (const verifierId of named) {
    if (verifierId === actor.id) {
      throw new UnprocessableError('VERIFIER_IS_OPERATOR', 'The verifier must be someone other than the operator', [
        { path: 'verifierId', message: 'is the operator' },
      ]);
    }
    if (!staff.has(verifierId)) {
      throw new UnprocessableError('VERIFIER_INVALID', 'The verifier must be an active staff member', [
        { path: 'verifierId', message: 'is not an active staff member' },
      ]);
    }
  }
}

/** A record without a file is only a claim until a second person confirms it: it must say who that will be. */
function assertVerifierNamed(drafts: RecordDraft[]): void {
  if (drafts.some((d) => d.verifierId === undefined)) {
    throw new ValidationError('A record without an evidence file must name a verifier who will confirm it', [
      {
        path: 'verifierId',
        message: 'is required when no evidence file is attached (the verifier confirms the record before it counts)',
        type: 'verifier.required',
      },
    ]);
  }
}

/**
 * A record without a drive is of the device itself: only a phone or tablet has one (docs/phones.md), and only a
 * factory reset with encryption or a destruction. Anything else names the field that is wrong: 422 `technique` for a
 * factory reset of another type of device, 400 `driveSerial` for a destroy record of one.
 */
function assertDeviceLevel(device: Device, drafts: RecordDraft[]): void {
  if (carriesImei(device.type)) return;
  if (drafts.some((d) => d.technique === DEVICE_LEVEL_TECHNIQUE))
    throw new UnprocessableError(
      'TECHNIQUE_NOT_FOR_DEVICE',
      `A factory reset with encryption is recorded for phones and tablets; ${device.assetTag} is a ${device.type}`,
      [
        {
          path: 'technique',
          message: `factory_reset_encrypted is for phones and tablets, not a ${device.type}: record each drive's wipe`,
          type: 'technique.notPhone',
        },
      ],
    );
  if (drafts.some((d) => !d.driveSerial))
    throw new ValidationError('Name the drive: only a phone or tablet has records for the whole device', [
      { path: 'driveSerial', message: 'is required for a device that is not a phone or tablet', type: 'any.required' },
    ]);
}

/**
 * Inside a transaction: one record and one hash-chained event per drive (or for the device itself, a phone's or
 * tablet's factory reset or destruction: no driveSerial); unknown serials refuse the whole set. With an evidence file
 * (`evidenceSha`) the records are `counted` (`evidenceKind`: tool_log unless a destruction photo); without one they
 * await their verifier's confirmation.
 */
export async function addRecords(
  device: Device,
  drafts: RecordDraft[],
  actorId: number | null,
  evidenceSha: string | null,
  transaction: Transaction,
  evidenceKind: 'tool_log' | 'photo' = 'tool_log',
): Promise<SanitizationDto[]> {
  assertDeviceLevel(device, drafts);
  const drives = await drivesOf(device.id, transaction);
  const byKey = new Map(drives.map((d) => [d.serialKey, d]));
  const unknown = drafts.filter((d) => d.driveSerial !== undefined && !byKey.has(serialKey(d.driveSerial)));
  if (unknown.length) {
    throw new UnprocessableError(
      'UNKNOWN_DRIVE',
      `Device ${device.assetTag} has no drive with serial ${unknown.map((u) => u.driveSerial).join(', ')}`,
      unknown.map((u) => ({
        path: 'driveSerial',
        message: `${u.driveSerial} is not a drive of this device`,
        driveSerial: u.driveSerial,
      })),
    );
  }
  const out: SanitizationDto[] = [];
  for (const draft of drafts) {
    const drive = draft.driveSerial === undefined ? null : byKey.get(serialKey(draft.driveSerial))!;
    const factoryReset = draft.technique === DEVICE_LEVEL_TECHNIQUE;
    const row = await Sanitization.create(
      {
        deviceId: device.id,
        driveId: drive?.id ?? null,
        method: draft.method,
        technique: draft.technique,
        tool: draft.tool,
        passes: draft.passes ?? null,
        verification: draft.verification,
        result: draft.result,
        startedAt: draft.startedAt ? new Date(draft.startedAt) : null,
        finishedAt: draft.finishedAt ? new Date(draft.finishedAt) : null,
        operatorId: actorId,
        verifierId: draft.verifierId ?? null,
        source: draft.source,
        evidenceSha256: evidenceSha,
        notes: draft.notes || null,
        evidence: evidenceSha ? evidenceKind : 'none',
        state: evidenceSha ? 'counted' : 'awaiting_confirmation',
        encryptionVerified: factoryReset ? (draft.encryptionVerified ?? false) : null,
        osVersion: factoryReset ? (draft.osVersion ?? null) : null,
      },
      { transaction },
    );
    await appendEvent(
      device.id,
      {
        type: 'sanitization',
        actorId,
        payload: {
          sanitizationId: row.id,
          driveSerial: drive?.serialNumber ?? null,
          method: row.method,
          technique: row.technique,
          result: row.result,
          evidenceSha256: evidenceSha,
          evidence: row.evidence,
          state: row.state,
          verifierId: row.verifierId,
          ...(factoryReset ? { encryptionVerified: row.encryptionVerified, osVersion: row.osVersion } : {}),
        },
      },
      transaction,
    );
    if (row.result === 'failed')
      await publishEvent(transaction, 'sanitization.failed', String(row.id), {
        sanitizationId: row.id,
        deviceId: device.id,
        assetTag: device.assetTag,
        driveSerial: drive?.serialNumber ?? null,
        method: row.method,
        technique: row.technique,
        tool: row.tool,
        at: new Date().toISOString(),
      });
    out.push(toSanitizationDto(row, drive?.serialNumber ?? null));
  }
  await countSanitizations(
    out.map((r) => r.id),
    transaction,
  );
  return out;
}

export async function recordSanitizations(
  deviceId: number,
  drafts: RecordDraft[],
  actor: Actor,
  evidence?: Evidence,
): Promise<SanitizationDto[]> {
  if (!evidence) assertVerifierNamed(drafts);
  await assertVerifiers(drafts, actor);
  // Content-addressed and idempotent: if the transaction below fails, an unreferenced file is all that is left.
  const evidenceSha = evidence ? await storeFile(evidence.data) : null;
  const records = await withTransaction(async (transaction) => {
    const device = await findDevice(deviceId, { transaction, lock: true });
    if (!device) throw new NotFoundError(`Device ${deviceId} not found`);
    if (isClosed(device.status)) {
      throw new ConflictError(
        'DEVICE_NOT_IN_WORKSHOP',
        `Device ${device.assetTag} is ${device.status}; sanitization records can no longer be added`,
      );
    }
    if (evidence && evidenceSha) {
      await DeviceFile.create(
        {
          deviceId,
          kind: evidence.kind,
          format: evidence.format,
          sha256: evidenceSha,
          sizeBytes: evidence.data.length,
          originalName: evidence.originalName?.slice(0, 255) ?? null,
          uploadedBy: actor.id,
        },
        { transaction },
      );
    }
    return addRecords(
      device,
      drafts,
      actor.id,
      evidenceSha,
      transaction,
      evidence?.kind === 'destruction_evidence' ? 'photo' : 'tool_log',
    );
  });
  logger.info('sanitization.recorded', { deviceId, records: records.length, results: records.map((r) => r.result) });
  return records;
}

/** An nwipe log: one record per drive in its summary table, matched to the device's drives by serial. */
export async function recordNwipeLog(
  deviceId: number,
  file: Express.Multer.File,
  fields: { verifierId?: number; notes?: string },
  actor: Actor,
): Promise<SanitizationDto[]> {
  if (file.buffer.includes(0))
    throw new UnsupportedTypeError('UNSUPPORTED_FILE_TYPE', 'Upload the nwipe log as text (nwipe --logfile)');
  const log = await readNwipeLog(file.buffer);
  const missing = log.drives.filter((d) => !d.serialNumber);
  if (missing.length) {
    throw new UnprocessableError(
      'UNKNOWN_DRIVE',
      'The log does not name the serial of every drive',
      missing.map((d) => ({ path: 'file', message: `${d.device} has no serial in the log` })),
    );
  }
  const drafts: RecordDraft[] = log.drives.map((d) => ({
    driveSerial: d.serialNumber!,
    method: log.method,
    technique: log.technique,
    tool: log.tool,
    passes: log.passes ?? undefined,
    verification: log.verification,
    result: d.result,
    startedAt: d.startedAt,
    finishedAt: d.finishedAt,
    // nwipe's warnings (hidden HPA/DCO areas left unerased, for one) stay with every record of the run.
    verifierId: fields.verifierId,
    notes: [fields.notes, ...log.warnings].filter(Boolean).join('\n') || undefined,
    source: 'nwipe',
  }));
  return recordSanitizations(deviceId, drafts, actor, {
    data: file.buffer,
    kind: 'wipe_evidence',
    format: 'nwipe',
    originalName: file.originalname,
  });
}

/**
 * A record described by its fields, with a file as its evidence: the photo or certificate of a destroyed drive, or
 * another wipe tool's report (a Blancco PDF or XML, say). Checked by content, stored by sha256; the record counts.
 */
export async function recordWithFile(
  deviceId: number,
  input: SanitizationInput,
  file: Express.Multer.File,
  actor: Actor,
): Promise<SanitizationDto> {
  const destroy = input.method === 'destroy';
  const format = destroy ? photoFormat(file.buffer) : reportFormat(file.buffer);
  const [record] = await recordSanitizations(deviceId, [{ ...input, source: 'evidence' }], actor, {
    data: file.buffer,
    kind: destroy ? 'destruction_evidence' : 'wipe_evidence',
    format,
    originalName: file.originalname,
  });
  return record;
}

/** The device's records with their drives' serials: the device page's statement, here inside the caller's transaction. */
/** Every sanitization record of the device (counted, awaiting confirmation or rejected), oldest first. */
export function sanitizationsOfDevice(deviceId: number): Promise<Sanitization[]> {
  return Sanitization.findAll({
    where: { deviceId },
    order: [
      ['startedAt', 'ASC'],
      ['id', 'ASC'],
    ],
  });
}

export async function listSanitizations(deviceId: number, transaction?: Transaction): Promise<SanitizationDto[]> {
  const rows = await getSequelize().query<Record<string, unknown>>(deviceSanitizationsSql(), {
    replacements: { id: deviceId },
    type: QueryTypes.SELECT,
    transaction,
  });
  return rows.map(sanitizationRowToDto);
}

/**
 * Drives of a device that have no counted, passed sanitization record (spec §10: a record awaiting its verifier's
 * confirmation, or rejected, does not count; a counted destroy record satisfies its drive as a wipe does).
 */
export async function drivesMissingWipe(
  deviceId: number,
  transaction?: Transaction,
): Promise<{ id: number; serialNumber: string }[]> {
  const drives = await drivesOf(deviceId, transaction);
  if (!drives.length) return [];
  const passed = await Sanitization.findAll({
    where: { deviceId, result: 'passed', state: 'counted' },
    attributes: ['driveId'],
    transaction,
  });
  const ok = new Set(passed.map((p) => p.driveId));
  return drives.filter((d) => !ok.has(d.id)).map((d) => ({ id: d.id, serialNumber: d.serialNumber }));
}

/** Where the records of a phone's or tablet's whole device stand (docs/phones.md). */
export type DeviceLevelWipe =
  | { state: 'passed'; sanitizationId: number }
  /** The only counted, passed factory resets say encryption was not verified on: no purge. */
  | { state: 'unverified'; sanitizationId: number }
  | { state: 'missing' };

/**
 * A phone's storage is the device's: its wipe is a record of the device (no drive). It counts when counted and
 * passed, and is either a destruction or a factory reset with encryption verified on (cryptographic erase, a NIST
 * SP 800-88 purge); a reset of storage nobody saw encrypted only clears the file system's pointers, so it does not.
 */
export async function deviceLevelWipe(deviceId: number, transaction?: Transaction): Promise<DeviceLevelWipe> {
  const rows = await Sanitization.findAll({
    where: { deviceId, driveId: null, result: 'passed', state: 'counted' },
    attributes: ['id', 'technique', 'encryptionVerified'],
    order: [['id', 'DESC']],
    transaction,
  });
  const purge = rows.find((r) => r.technique !== DEVICE_LEVEL_TECHNIQUE || Boolean(r.encryptionVerified));
  if (purge) return { state: 'passed', sanitizationId: purge.id };
  return rows.length ? { state: 'unverified', sanitizationId: rows[0].id } : { state: 'missing' };
}

/** An uploaded evidence file or report of a device, as stored (never modified). */
export async function readDeviceFile(deviceId: number, fileId: number): Promise<{ data: Buffer; name: string }> {
  const file = await DeviceFile.findOne({ where: { id: fileId, deviceId } });
  if (!file) throw new NotFoundError(`Device ${deviceId} has no file ${fileId}`);
  return {
    data: await readStoredFile(file.sha256),
    name: file.originalName || `${file.kind}-${file.sha256.slice(0, 12)}`,
  };
}

/** Of the given devices, those with at least one drive lacking a counted passed record: one query for a whole list. */
export async function devicesWithUnwipedDrives(deviceIds: number[], transaction?: Transaction): Promise<Set<number>> {
  if (!deviceIds.length) return new Set();
  const rows = await getSequelize().query<{ deviceId: number }>(
    `SELECT DISTINCT d.device_id AS deviceId FROM drives d
      WHERE d.device_id IN (:ids)
        AND NOT EXISTS (SELECT 1 FROM sanitizations s WHERE s.drive_id = d.id AND s.state = 'counted' AND s.result = 'passed')`,
    { replacements: { ids: deviceIds }, type: QueryTypes.SELECT, transaction },
  );
  return new Set(rows.map((r) => Number(r.deviceId)));
}

/** Keeps a record of an evidence file of a device (the file itself is already in the file store, by sha256). */
export async function addDeviceFile(
  fields: {
    deviceId: number;
    kind: DeviceFile['kind'];
    format: string;
    sha256: string;
    sizeBytes: number;
    originalName: string | null;
    uploadedBy: number;
  },
  transaction: Transaction,
): Promise<void> {
  await DeviceFile.create(fields, { transaction });
}
