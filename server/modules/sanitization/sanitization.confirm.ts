// Spec §10: a record typed in by hand (no evidence file) counts only once the verifier it names, signed in as
// themself and not its operator, confirms it; or they reject it, and it never counts. A legacy record (from before
// this rule) that names no verifier may be confirmed or rejected by any active staff member other than its
// operator, who then becomes its verifier. Every decision is a hash-chained device event in the same transaction.
//
// Refusals: 404 unknown record; 403 OPERATOR_CANNOT_CONFIRM (the operator on their own record) or NOT_THE_VERIFIER
// (anyone but the named verifier); 409 SANITIZATION_ALREADY_DECIDED (confirmed or rejected already, or counted on
// its own evidence file).
import { QueryTypes, type Transaction } from 'sequelize';
import { getSequelize, withTransaction } from '../../db/sequelize.js';
import { columnsOf, sqlOnce } from '../../db/select-batch.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import { STAFF, activeUsersWithRoles, type Actor } from '../auth/index.js';
import { appendEvent, lockDevice } from '../devices/index.js';
import { recordSanitizations } from '../figures/index.js';
import { Sanitization } from './sanitization.model.js';
import { peopleColumns, peopleJoins, sanitizationByIdSql, sanitizationRowToDto } from './sanitization.page.js';
import type { SanitizationDto } from './sanitization.schema.js';
import type { AwaitingSanitizationDto, VerifierDto } from '../../shared/index.js';

export type Decision = { kind: 'confirm' } | { kind: 'reject'; reason: string };

function assertMayDecide(record: Sanitization, actor: Actor): void {
  if (record.operatorId !== null && record.operatorId === actor.id) {
    throw new ForbiddenError(
      'The operator cannot confirm or reject their own sanitization record; the named verifier must',
      'OPERATOR_CANNOT_CONFIRM',
    );
  }
  if (record.verifierId !== null && record.verifierId !== actor.id) {
    throw new ForbiddenError(
      'Only the verifier named on this sanitization record may confirm or reject it',
      'NOT_THE_VERIFIER',
    );
  }
  if (record.state !== 'awaiting_confirmation') {
    throw new ConflictError(
      'SANITIZATION_ALREADY_DECIDED',
      `Sanitization record ${record.id} is ${record.state}; it is not awaiting confirmation`,
      { state: record.state },
    );
  }
}

async function readRecord(id: number, transaction?: Transaction): Promise<SanitizationDto> {
  const [row] = await getSequelize().query<Record<string, unknown>>(sanitizationByIdSql(), {
    replacements: { id },
    type: QueryTypes.SELECT,
    transaction,
  });
  return sanitizationRowToDto(row);
}

/** Confirms or rejects record `id` as `actor`; returns the record as it now is. */
export async function decide(id: number, decision: Decision, actor: Actor): Promise<SanitizationDto> {
  const record = await withTransaction(async (transaction) => {
    const found = await Sanitization.findByPk(id, { attributes: ['id', 'deviceId'], transaction });
    if (!found) throw new NotFoundError(`Sanitization record ${id} not found`);
    // The device row first, as every other writer of the device's records and events locks it: one lock order.
    await lockDevice(found.deviceId, transaction);
    const row = (await Sanitization.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE }))!;
    assertMayDecide(row, actor);
    const now = new Date();
    const fields =
      decision.kind === 'confirm'
        ? { state: 'counted' as const, confirmedBy: actor.id, confirmedAt: now }
        : { state: 'rejected' as const, rejectedBy: actor.id, rejectedAt: now, rejectionReason: decision.reason };
    const [changed] = await Sanitization.update(
      { ...fields, verifierId: actor.id },
      { where: { id, state: 'awaiting_confirmation' }, transaction },
    );
    if (changed !== 1)
      throw new ConflictError(
        'SANITIZATION_ALREADY_DECIDED',
        `Sanitization record ${id} is no longer awaiting confirmation`,
      );
    if (decision.kind === 'confirm') await recordSanitizations([id], transaction);
    const dto = await readRecord(id, transaction);
    await appendEvent(
      row.deviceId,
      {
        type: decision.kind === 'confirm' ? 'sanitization_confirmed' : 'sanitization_rejected',
        actorId: actor.id,
        payload: {
          sanitizationId: id,
          driveSerial: dto.driveSerial,
          operatorId: row.operatorId,
          result: row.result,
          ...(decision.kind === 'reject' ? { reason: decision.reason } : {}),
        },
      },
      transaction,
    );
    return dto;
  });
  logger.info('sanitization.decided', { sanitizationId: id, decision: decision.kind, actorId: actor.id });
  return record;
}

const awaitingWhere = `t.state = 'awaiting_confirmation'
  AND (t.verifier_id = :me OR (t.verifier_id IS NULL AND (t.operator_id IS NULL OR t.operator_id <> :me)))`;
const awaitingSql = sqlOnce(
  () => `SELECT ${columnsOf(Sanitization, 't')}, dr.serial_number AS driveSerial, ${peopleColumns('t').join(', ')},
  d.asset_tag AS assetTag, d.status AS deviceStatus
  FROM sanitizations t JOIN devices d ON d.id = t.device_id LEFT JOIN drives dr ON dr.id = t.drive_id ${peopleJoins('t')}
  WHERE ${awaitingWhere} ORDER BY t.id LIMIT :limit OFFSET :offset`,
);

/** The records `actor` may confirm: those naming them, and legacy ones naming no one that they did not record. */
export async function listAwaiting(
  actor: Actor,
  page: number,
  pageSize: number,
): Promise<{ items: AwaitingSanitizationDto[]; total: number; page: number; pageSize: number }> {
  const sequelize = getSequelize();
  const replacements = { me: actor.id, limit: pageSize, offset: (page - 1) * pageSize };
  const [rows, [count]] = await Promise.all([
    sequelize.query<Record<string, unknown>>(awaitingSql(), { replacements, type: QueryTypes.SELECT }),
    sequelize.query<{ n: number }>(`SELECT COUNT(*) AS n FROM sanitizations t WHERE ${awaitingWhere}`, {
      replacements,
      type: QueryTypes.SELECT,
    }),
  ]);
  const items = rows.map((r) => ({
    ...sanitizationRowToDto(r),
    assetTag: r.assetTag as string,
    deviceStatus: r.deviceStatus as string,
  }));
  return { items, total: Number(count.n), page, pageSize };
}

/** Who may be named as verifier by `actor`: every other active user of a role that may do workshop work. */
export async function listVerifiers(actor: Actor): Promise<{ items: VerifierDto[] }> {
  const users = await activeUsersWithRoles(STAFF);
  return { items: users.filter((u) => u.id !== actor.id).map((u) => ({ id: u.id, name: u.name, role: u.role })) };
}
