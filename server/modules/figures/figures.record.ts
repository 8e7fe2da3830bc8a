// The writers' side of the read model: each `record…` is called by the use case that changes the data, with its
// transaction, right after the change. Counter deltas are merged per transaction and written as its LAST statements
// (beforeCommit in db/sequelize.ts), one multi-row upsert per table in a fixed order: a hot counter row is locked
// only from then to the commit, after every other lock the transaction takes, so counters add no deadlock.
// Fact rows (a handover, a finished stage) are inserted at once: they are new rows no one else updates.
import type { Transaction } from 'sequelize';
import { beforeCommit, getSequelize, isSqlite } from '../../db/sequelize.js';
import { writeIn } from '../../db/statements.js';
import { sqlTime } from '../../lib/sql.js';
import {
  addToCounters,
  COUNTER_TABLES,
  COUNTS_AS_SANITIZED,
  MEDIA_SANITIZED,
  monthOf,
  select,
  type CounterTable,
  type KeyValue,
} from './figures.tables.js';

interface Pending {
  /** table → key JSON → { key, values } */
  byTable: Map<CounterTable, Map<string, { key: KeyValue[]; values: number[] }>>;
}
const pending = new WeakMap<Transaction, Pending>();

async function flush(p: Pending, transaction: Transaction): Promise<void> {
  for (const table of COUNTER_TABLES) {
    const rows = [...(p.byTable.get(table)?.entries() ?? [])]
      .filter(([, r]) => r.values.some((v) => v !== 0))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, r]) => r);
    await addToCounters(table, rows, transaction);
  }
  p.byTable.clear();
}

/** Adds to a counter row at the end of the transaction (at once in a transaction withTransaction did not open). */
async function add(table: CounterTable, key: KeyValue[], values: number[], transaction: Transaction): Promise<void> {
  let p = pending.get(transaction);
  if (!p) {
    const fresh: Pending = { byTable: new Map() };
    if (!beforeCommit(transaction, () => flush(fresh, transaction))) {
      await addToCounters(table, [{ key, values }], transaction);
      return;
    }
    pending.set(transaction, fresh);
    p = fresh;
  }
  let rows = p.byTable.get(table);
  if (!rows) p.byTable.set(table, (rows = new Map()));
  const id = JSON.stringify(key);
  const row = rows.get(id);
  if (row) row.values = row.values.map((v, i) => v + values[i]);
  else rows.set(id, { key, values: [...values] });
}

const siteKey = (siteId: number | null | undefined): number => siteId ?? 0;

/**
 * "Is this the first?" must see the latest committed rows: on MariaDB a plain read sees the transaction's snapshot,
 * which may predate the lock the caller took (another writer's row committed in between). A locking read sees the
 * latest. SQLite's writers run one at a time, so a plain read is the latest there.
 */
const latest = (): string => (isSqlite() ? '' : ' LOCK IN SHARE MODE');

interface DeviceKey {
  status: string;
  site_id: number | null;
  type: string;
  created_at: Date | string;
}

/** The device's row as it is now, inside the transaction (which holds its lock once it has written it). */
async function deviceKey(deviceId: number, transaction: Transaction): Promise<DeviceKey> {
  const [row] = await select<DeviceKey>(
    'SELECT status, site_id, type, created_at FROM devices WHERE id = :deviceId',
    { deviceId },
    transaction,
  );
  if (!row) throw new Error(`figures: device ${deviceId} does not exist`);
  return row;
}

const deviceCount = (
  d: { status: string; siteId: number | null; type: string; createdAt: Date | string },
  n: number,
  t: Transaction,
) => add('figure_devices', [d.status, siteKey(d.siteId), d.type, monthOf(d.createdAt)], [n], t);

/** New devices (intake, one or a CSV manifest's). */
export async function recordDevicesCreated(
  devices: ReadonlyArray<{ siteId: number | null; type: string; createdAt: Date }>,
  transaction: Transaction,
): Promise<void> {
  for (const d of devices) await deviceCount({ ...d, status: 'intake' }, 1, transaction);
}

export interface StatusChangeFacts {
  deviceId: number;
  action: string;
  from: string;
  to: string;
  /** When the device entered `from` (its status_changed_at before this change). */
  enteredAt: Date;
  leftAt: Date;
  /** The seq of the status event this change appended. */
  endSeq: number;
  /** The site before the change when the change itself moved the device (DeviceFields.siteId). */
  siteBefore?: number | null;
  payload: Record<string, unknown>;
  /**
   * The device's site (after the change), type and intake time when the caller holds the whole row: saves reading
   * it back (one round trip of the lifecycle's five statements).
   */
  device?: { siteId: number | null; type: string; createdAt: Date };
}

/** A status change (changeStatus, after its compare-and-set and event): counts move, the stage left is a span. */
export async function recordStatusChange(facts: StatusChangeFacts, transaction: Transaction): Promise<void> {
  const now: DeviceKey = facts.device
    ? { status: facts.to, site_id: facts.device.siteId, type: facts.device.type, created_at: facts.device.createdAt }
    : await deviceKey(facts.deviceId, transaction);
  const siteBefore = facts.siteBefore === undefined ? now.site_id : facts.siteBefore;
  const createdAt = now.created_at;
  await deviceCount({ status: facts.from, siteId: siteBefore, type: now.type, createdAt }, -1, transaction);
  await deviceCount({ status: facts.to, siteId: now.site_id, type: now.type, createdAt }, 1, transaction);
  await writeIn(
    transaction,
    `INSERT INTO figure_stage_spans (device_id, end_seq, stage, site_id, entered_at, left_at, seconds)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [
      facts.deviceId,
      facts.endSeq,
      facts.from,
      siteKey(siteBefore),
      sqlTime(facts.enteredAt),
      sqlTime(facts.leftAt),
      Math.max(0, (facts.leftAt.getTime() - facts.enteredAt.getTime()) / 1000),
    ],
  );
  const kg = Number(facts.payload.weightKg);
  if (facts.action === 'recycle' && Number.isFinite(kg) && kg > 0)
    await add('figure_sites', [siteKey(now.site_id)], [0, kg], transaction);
}

/** What one device adds to its site's row: its drives sanitized and its recycled weight. */
async function siteShare(deviceId: number, transaction: Transaction): Promise<[number, number]> {
  const [row] = await select<{ drives: number | string | null; kg: number | string | null }>(
    `SELECT (SELECT ${MEDIA_SANITIZED} FROM sanitizations s
              WHERE s.device_id = :deviceId AND ${COUNTS_AS_SANITIZED}) AS drives,
            (SELECT SUM(x.weight_kg) FROM disposals x WHERE x.device_id = :deviceId AND x.kind = 'recycle') AS kg`,
    { deviceId },
    transaction,
  );
  return [Number(row?.drives ?? 0), Number(row?.kg ?? 0)];
}

/**
 * A device's site or type changed outside changeStatus (a move, a hardware report). Call after the UPDATE, with
 * the values before it as read under the row's lock.
 */
export async function recordDeviceChanged(
  deviceId: number,
  before: { siteId: number | null; type: string },
  transaction: Transaction,
): Promise<void> {
  const now = await deviceKey(deviceId, transaction);
  if (siteKey(before.siteId) === siteKey(now.site_id) && before.type === now.type) return;
  const createdAt = now.created_at;
  await deviceCount({ status: now.status, siteId: before.siteId, type: before.type, createdAt }, -1, transaction);
  await deviceCount({ status: now.status, siteId: now.site_id, type: now.type, createdAt }, 1, transaction);
  if (siteKey(before.siteId) !== siteKey(now.site_id)) {
    const [drives, kg] = await siteShare(deviceId, transaction);
    if (drives || kg) {
      await add('figure_sites', [siteKey(before.siteId)], [-drives, -kg], transaction);
      await add('figure_sites', [siteKey(now.site_id)], [drives, kg], transaction);
    }
  }
}

/**
 * Sanitization records that were just written or confirmed (any state: only counted, passed ones count). A drive
 * counts once, when its first counted passed record appears; so does a phone's or tablet's own storage, recorded
 * for the device (no drive), when its first counted passed destruction or factory reset with encryption verified
 * appears (docs/phones.md). Call after the records' rows are written.
 */
export async function recordSanitizations(recordIds: readonly number[], transaction: Transaction): Promise<void> {
  if (!recordIds.length) return;
  const media = await select<{ drive_id: number | null; device_id: number; site_id: number | null }>(
    `SELECT DISTINCT s.drive_id AS drive_id, s.device_id AS device_id, d.site_id AS site_id
       FROM sanitizations s JOIN devices d ON d.id = s.device_id
      WHERE s.id IN (:ids) AND ${COUNTS_AS_SANITIZED}`,
    { ids: [...recordIds] },
    transaction,
  );
  for (const medium of media) {
    const same =
      medium.drive_id === null
        ? { where: 'device_id = :deviceId AND drive_id IS NULL', key: { deviceId: medium.device_id } }
        : { where: 'drive_id = :driveId', key: { driveId: medium.drive_id } };
    const [others] = await select<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM sanitizations s WHERE ${same.where} AND ${COUNTS_AS_SANITIZED}
          AND id NOT IN (:ids)${latest()}`,
      { ...same.key, ids: [...recordIds] },
      transaction,
    );
    if (Number(others.n) === 0) await add('figure_sites', [siteKey(medium.site_id)], [1, 0], transaction);
  }
}

/**
 * A handover (the allocation row already says handed_over, with its time): the fact row with who and where, and the
 * counters. The beneficiary counts as served in the programme on their first handover in it; a later `return` of
 * the device changes neither (the handover happened; the allocation stays handed_over). Call with the
 * beneficiary's row locked (handover does), so two handovers to one beneficiary cannot both be the first.
 */
export async function recordHandover(allocationId: number, transaction: Transaction): Promise<void> {
  const [a] = await select<{
    device_id: number;
    beneficiary_id: number;
    programme_id: number | null;
    handed_over_at: Date | string;
    kind: string;
    partner_id: number | null;
    region_code: string | null;
    site_id: number | null;
    site_region: string | null;
  }>(
    `SELECT a.device_id, a.beneficiary_id, a.programme_id, a.handed_over_at, b.kind, b.partner_id, b.region_code,
            d.site_id, s.region_code AS site_region
       FROM allocations a JOIN beneficiaries b ON b.id = a.beneficiary_id JOIN devices d ON d.id = a.device_id
       LEFT JOIN sites s ON s.id = d.site_id
      WHERE a.id = :allocationId AND a.status = 'handed_over'`,
    { allocationId },
    transaction,
  );
  if (!a) throw new Error(`figures: allocation ${allocationId} is not handed over`);
  const programmeId = a.programme_id ?? 0;
  // Another handover of theirs in the programme, among the allocations (the facts mirror them): a locking read of
  // the allocations, whose rows this transaction does not insert (a fact-table read would take gap locks that two
  // concurrent handovers' fact inserts could deadlock on).
  const [seen] = await select<{ n: number | string }>(
    `SELECT COUNT(*) AS n FROM allocations WHERE beneficiary_id = :b AND COALESCE(programme_id, 0) = :programmeId
        AND status = 'handed_over' AND id <> :allocationId${latest()}`,
    { programmeId, b: a.beneficiary_id, allocationId },
    transaction,
  );
  const first = Number(seen.n) === 0;
  const fact = {
    allocationId,
    deviceId: a.device_id,
    beneficiaryId: a.beneficiary_id,
    programmeId,
    kind: a.kind,
    partnerId: a.partner_id ?? 0,
    // The beneficiary's region; when they have none, the region of the site the device left from.
    regionCode: a.region_code ?? a.site_region ?? '',
    siteId: siteKey(a.site_id),
    month: monthOf(a.handed_over_at),
    handedOverAt: new Date(a.handed_over_at),
    first,
  };
  await insertHandoverFact(fact, transaction);
  await add(
    'figure_handovers',
    [fact.month, fact.programmeId, fact.kind, fact.partnerId, fact.regionCode, fact.siteId],
    [1, first ? 1 : 0],
    transaction,
  );
}

export interface HandoverFact {
  allocationId: number;
  deviceId: number;
  beneficiaryId: number;
  programmeId: number;
  kind: string;
  partnerId: number;
  regionCode: string;
  siteId: number;
  month: string;
  handedOverAt: Date;
  first: boolean;
}

export async function insertHandoverFact(f: HandoverFact, transaction: Transaction): Promise<void> {
  await getSequelize().query(
    `INSERT INTO figure_handover_facts (allocation_id, device_id, beneficiary_id, programme_id, beneficiary_kind,
        partner_id, region_code, site_id, month, handed_over_at, first_in_programme)
     VALUES (:allocationId, :deviceId, :beneficiaryId, :programmeId, :kind, :partnerId, :regionCode, :siteId, :month,
        :handedOverAt, :first)`,
    { replacements: { ...f, handedOverAt: sqlTime(f.handedOverAt) }, transaction },
  );
}
