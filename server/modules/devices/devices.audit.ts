// Verifying the hash-chained device history at any volume (issue 16 point 7), with checkpoints in audit_checkpoints:
// - GET /api/audit/verify reads only: the events written since the latest checkpoint (each against its
//   predecessor, plus the anchors of the devices they belong to); with no checkpoint yet, every event.
// - POST /api/audit/verify runs the same check and, when it holds, records a new checkpoint (who, when, up to which
//   event), so the next check starts there.
// - POST /api/audit/verify/full starts a full re-verification in the background (one at a time, across server
//   instances); its row in audit_checkpoints is its progress and result, read by GET /api/audit/verify/full. A full
//   job that holds is a checkpoint as well. It is the only check that sees an event altered before the latest
//   checkpoint.
//
// Why a checkpoint may trust "every event with an id up to N": ids are allocated when a row is inserted, not when
// its transaction commits. On MariaDB, a transaction holding id 99 may commit after another one's id 100 was read;
// a checkpoint through 100 would then skip 99 forever. So, before recording a checkpoint through N, the check waits
// for every insert at or below N to end: a locking read (LOCK IN SHARE MODE, each statement its own short
// transaction) over the ids in (since, N] blocks on any row still uncommitted there until its transaction commits
// or rolls back (awaitCommits). A time margin ("only events older than a minute") would only make the race unlikely;
// the lock makes it impossible, except for the instant between the allocation of an id and the insertion of its
// row inside one INSERT statement, which the full job covers. SQLite has one writer at a time, so its ids commit in
// order. The read-only GET needs no such wait: it records nothing, and a late commit there can only make it
// report a device as ahead of what it read, which anchorProblems() in devices.events.ts tells apart from a loss.
import { Op, QueryTypes, UniqueConstraintError } from 'sequelize';
import { getSequelize, isSqlite, withTransaction } from '../../db/sequelize.js';
import { ConflictError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import type { AuditBrokenLinkDto, AuditCheckpointDto, AuditJobDto, AuditVerifyDto } from '../../shared/index.js';
import type { Actor } from '../auth/index.js';
import {
  countEventsUpTo,
  maxEventId,
  verifyChains,
  verifyEventsSince,
  type BrokenLink,
  type ChainReport,
} from './devices.events.js';
import { AuditCheckpoint } from './devices.audit.model.js';

/** A running full job that recorded no progress for this long has lost its process (it records one per batch). */
export const ABANDONED_AFTER_MS = 5 * 60_000;
/** How many broken links a job row keeps (brokenCount says how many in all). */
const KEPT_BROKEN = 100;
const BARRIER_BATCH = 5000;

/** The newest checkpoint that held: an incremental check or a full job, whichever reaches furthest. */
async function latestCheckpoint(): Promise<AuditCheckpoint | null> {
  return AuditCheckpoint.findOne({
    where: { state: 'done', ok: true },
    order: [
      ['throughEventId', 'DESC'],
      ['id', 'DESC'],
    ],
  });
}

/** Waits until every event with an id in (since, upTo] is committed or rolled back (see the file's header). */
async function awaitCommits(since: number, upTo: number): Promise<void> {
  if (isSqlite()) return;
  let cursor = since;
  while (cursor < upTo) {
    const rows = await getSequelize().query<{ id: number }>(
      `SELECT id FROM device_events WHERE id > :cursor AND id <= :upTo ORDER BY id LIMIT ${BARRIER_BATCH}
       LOCK IN SHARE MODE`,
      { replacements: { cursor, upTo }, type: QueryTypes.SELECT },
    );
    if (rows.length < BARRIER_BATCH) return;
    cursor = rows[rows.length - 1].id;
  }
}

/** The check from the latest checkpoint up to the newest event now. */
async function checkFromLatest(
  barrier: boolean,
): Promise<{ base: AuditCheckpoint | null; since: number; upTo: number; report: ChainReport }> {
  const base = await latestCheckpoint();
  const since = base?.throughEventId ?? 0;
  const upTo = Math.max(since, await maxEventId());
  if (barrier) await awaitCommits(since, upTo);
  const report = base ? await verifyEventsSince(since, upTo) : await verifyChains({ upTo });
  return { base, since, upTo, report };
}

/** GET /api/audit/verify: the latest checkpoint and a read-only check of what was written since. Stores nothing. */
export async function verifySinceCheckpoint(): Promise<AuditVerifyDto> {
  const { base, since, upTo, report } = await checkFromLatest(false);
  return toVerifyDto(report, base, since, upTo);
}

/** POST /api/audit/verify: the same check, recorded as the new checkpoint when it holds. */
export async function recordCheckpoint(actor: Actor): Promise<AuditVerifyDto> {
  const startedAt = new Date();
  const { base, since, upTo, report } = await checkFromLatest(true);
  let recorded: AuditCheckpoint | null = null;
  if (report.ok) {
    const finishedAt = new Date();
    recorded = await withTransaction((transaction) =>
      AuditCheckpoint.create(
        {
          kind: 'incremental',
          state: 'done',
          runningGuard: null,
          fromEventId: since,
          throughEventId: upTo,
          eventsChecked: report.eventsChecked,
          eventsTotal: report.eventsChecked,
          devicesChecked: report.devicesChecked,
          ok: true,
          brokenCount: 0,
          broken: null,
          createdBy: actor.id,
          startedAt,
          finishedAt,
          updatedAt: finishedAt,
        },
        { transaction },
      ),
    );
  }
  return { ...toVerifyDto(report, base, since, upTo), recorded: recorded && toCheckpointDto(recorded) };
}

/** GET /api/audit/verify/full: the latest full job (null: none ever started). */
export async function latestFullVerification(): Promise<{ job: AuditJobDto | null }> {
  const job = await AuditCheckpoint.findOne({ where: { kind: 'full' }, order: [['id', 'DESC']] });
  return { job: job && toJobDto(job) };
}

/**
 * POST /api/audit/verify/full: records the job as running (409 AUDIT_VERIFICATION_RUNNING while another runs, in
 * any instance: the unique running_guard) and runs it in this process after answering. A job whose process
 * stopped (no progress for ABANDONED_AFTER_MS) is marked failed here, so it no longer blocks a new one.
 */
export async function startFullVerification(actor: Actor): Promise<AuditJobDto> {
  const startedAt = new Date();
  const upTo = await maxEventId();
  const eventsTotal = await countEventsUpTo(upTo);
  let job: AuditCheckpoint;
  try {
    job = await withTransaction(async (transaction) => {
      await AuditCheckpoint.update(
        {
          state: 'failed',
          runningGuard: null,
          error: 'abandoned: its server process stopped recording progress',
          finishedAt: startedAt,
          updatedAt: startedAt,
        },
        {
          where: { runningGuard: 1, updatedAt: { [Op.lt]: new Date(startedAt.getTime() - ABANDONED_AFTER_MS) } },
          transaction,
        },
      );
      return AuditCheckpoint.create(
        {
          kind: 'full',
          state: 'running',
          runningGuard: 1,
          fromEventId: 0,
          throughEventId: upTo,
          eventsChecked: 0,
          eventsTotal,
          devicesChecked: 0,
          ok: null,
          brokenCount: 0,
          broken: null,
          createdBy: actor.id,
          startedAt,
          finishedAt: null,
          updatedAt: startedAt,
        },
        { transaction },
      );
    });
  } catch (error) {
    if (!(error instanceof UniqueConstraintError)) throw error;
    const running = await AuditCheckpoint.findOne({ where: { runningGuard: 1 } });
    throw new ConflictError('AUDIT_VERIFICATION_RUNNING', 'A full verification of the history is already running', {
      jobId: running?.id ?? null,
    });
  }
  void runFullVerification(job.id, upTo);
  return toJobDto(job);
}

/** The job itself: every chain up to `upTo`, its progress written after each batch, then its result. */
async function runFullVerification(id: number, upTo: number): Promise<void> {
  const save = (fields: Partial<AuditCheckpoint>) =>
    withTransaction((transaction) =>
      AuditCheckpoint.update({ ...fields, updatedAt: new Date() }, { where: { id }, transaction }),
    );
  try {
    await awaitCommits(0, upTo);
    const report = await verifyChains({ upTo, progress: (eventsChecked) => save({ eventsChecked }) });
    await save({
      state: 'done',
      runningGuard: null,
      ok: report.ok,
      eventsChecked: report.eventsChecked,
      devicesChecked: report.devicesChecked,
      brokenCount: report.broken.length,
      broken: report.broken.length ? JSON.stringify(report.broken.slice(0, KEPT_BROKEN)) : null,
      finishedAt: new Date(),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.error('audit.full_verification_failed', { jobId: id, error: message });
    await save({ state: 'failed', runningGuard: null, error: message.slice(0, 500), finishedAt: new Date() }).catch(
      (e: unknown) => logger.error('audit.full_verification_unrecorded', { jobId: id, error: String(e) }),
    );
  }
}

function toVerifyDto(report: ChainReport, base: AuditCheckpoint | null, since: number, upTo: number): AuditVerifyDto {
  return {
    ok: report.ok,
    devicesChecked: report.devicesChecked,
    eventsChecked: report.eventsChecked,
    broken: report.broken.map(toBrokenDto),
    mode: base ? 'incremental' : 'full',
    since,
    upTo,
    checkpoint: base && toCheckpointDto(base),
  };
}

const toBrokenDto = (b: BrokenLink): AuditBrokenLinkDto => ({
  deviceId: b.deviceId,
  assetTag: b.assetTag,
  seq: b.seq,
  eventId: b.eventId,
  reason: b.reason,
});

function toCheckpointDto(c: AuditCheckpoint): AuditCheckpointDto {
  return {
    id: c.id,
    kind: c.kind,
    throughEventId: c.throughEventId,
    eventsChecked: c.eventsChecked,
    devicesChecked: c.devicesChecked,
    verifiedBy: c.createdBy,
    verifiedAt: (c.finishedAt ?? c.updatedAt).toISOString(),
  };
}

function toJobDto(j: AuditCheckpoint): AuditJobDto {
  return {
    id: j.id,
    state: j.state,
    abandoned: j.state === 'running' && Date.now() - j.updatedAt.getTime() > ABANDONED_AFTER_MS,
    throughEventId: j.throughEventId,
    eventsChecked: j.eventsChecked,
    eventsTotal: j.eventsTotal,
    devicesChecked: j.devicesChecked,
    ok: j.ok === null ? null : Boolean(j.ok),
    brokenCount: j.brokenCount,
    broken: j.broken ? (JSON.parse(j.broken) as AuditBrokenLinkDto[]) : [],
    error: j.error ?? null,
    startedBy: j.createdBy,
    startedAt: j.startedAt.toISOString(),
    updatedAt: j.updatedAt.toISOString(),
    finishedAt: j.finishedAt ? j.finishedAt.toISOString() : null,
  };
}
