// The append-only, hash-chained history of each device:
// hash = sha256(prevHash + canonical JSON of the event). devices.last_event_* anchors the newest link,
// so an altered, removed or reordered event is found by verifyChains().
import { createHash } from 'node:crypto';
import { Op, QueryTypes, type Transaction } from 'sequelize';
import { canonicalJson } from '../../lib/canonical-json.js';
import { writeIn } from '../../db/statements.js';
import { sqlTime } from '../../lib/sql.js';
import { Device, DeviceEvent } from './devices.model.js';
import type { DeviceStatus } from './devices.lifecycle.js';

export interface NewEvent {
  type: string;
  actorId: number | null;
  fromStatus?: DeviceStatus | null;
  toStatus?: DeviceStatus | null;
  payload?: Record<string, unknown>;
}

interface HashedFields {
  deviceId: number;
  seq: number;
  type: string;
  actorId: number | null;
  fromStatus: DeviceStatus | null;
  toStatus: DeviceStatus | null;
  payload: string;
  createdAt: Date;
}

export function eventHash(prevHash: string | null, e: HashedFields): string {
  const body = canonicalJson({
    deviceId: e.deviceId,
    seq: e.seq,
    type: e.type,
    actorId: e.actorId,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    payload: e.payload,
    createdAt: e.createdAt.toISOString(),
  });
  return createHash('sha256')
    .update((prevHash ?? '') + body)
    .digest('hex');
}

/** A device's current state and the newest link of its chain. */
export interface Anchor {
  status: DeviceStatus;
  version: number;
  lastEventSeq: number;
  lastEventHash: string | null;
}

/**
 * Reads the anchor row FOR UPDATE (MySQL; SQLite has a single writer anyway), so two appends to one device queue
 * up instead of both linking to the same previous hash.
 */
export async function lockAnchor(deviceId: number, transaction: Transaction): Promise<Anchor> {
  const anchor = await Device.findByPk(deviceId, {
    attributes: ['id', 'status', 'version', 'lastEventSeq', 'lastEventHash'],
    transaction,
    lock: transaction.LOCK.UPDATE,
    raw: true,
  });
  if (!anchor) throw new Error(`appendEvent: device ${deviceId} does not exist`);
  return anchor;
}

export type EventRow = HashedFields & { prevHash: string | null; hash: string };

/** The event that follows `anchor` in the chain, hashed and ready to insert. */
export function nextLink(deviceId: number, anchor: Anchor, event: NewEvent, createdAt = new Date()): EventRow {
  const fields: HashedFields = {
    deviceId,
    seq: anchor.lastEventSeq + 1,
    type: event.type,
    actorId: event.actorId,
    fromStatus: event.fromStatus ?? null,
    toStatus: event.toStatus ?? null,
    payload: canonicalJson(event.payload ?? {}),
    createdAt,
  };
  const prevHash = anchor.lastEventHash ?? null;
  return { ...fields, prevHash, hash: eventHash(prevHash, fields) };
}

/**
 * Inserts one hashed link as plain SQL: a model instance (build, validate, cloned options) cost more CPU than the
 * rest of a lifecycle action's statements together (docs/performance.md, round 6).
 */
export async function insertLink(link: EventRow, transaction: Transaction): Promise<void> {
  await writeIn(
    transaction,
    `INSERT INTO device_events (device_id, seq, type, actor_id, from_status, to_status, payload, prev_hash, hash, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      link.deviceId,
      link.seq,
      link.type,
      link.actorId,
      link.fromStatus,
      link.toStatus,
      link.payload,
      link.prevHash,
      link.hash,
      sqlTime(link.createdAt),
    ],
  );
}

/** Appends one event and moves the device's anchor to it. */
export async function appendEvent(deviceId: number, event: NewEvent, transaction: Transaction): Promise<DeviceEvent> {
  const link = nextLink(deviceId, await lockAnchor(deviceId, transaction), event);
  const row = await DeviceEvent.create(link, { transaction });
  await Device.update(
    { lastEventSeq: link.seq, lastEventHash: link.hash },
    { where: { id: deviceId }, transaction, silent: true },
  );
  return row;
}

export interface BrokenLink {
  deviceId: number;
  assetTag: string | null;
  seq: number;
  eventId: number | null;
  reason: string;
}
export interface ChainReport {
  ok: boolean;
  devicesChecked: number;
  eventsChecked: number;
  broken: BrokenLink[];
}

const BATCH = 5000;

/** The newest event id committed now: the upper bound a verification fixes when it starts. */
export async function maxEventId(): Promise<number> {
  return Number((await DeviceEvent.max('id')) ?? 0);
}

/** Counts the events a full verification bounded by `upTo` will read (its progress' total). */
export function countEventsUpTo(upTo: number): Promise<number> {
  return DeviceEvent.count({ where: { id: { [Op.lte]: upTo } } });
}

export interface FullVerifyOptions {
  /** Only events with an id up to this one are read (default: the newest when the walk starts). */
  upTo?: number;
  /** Called after each batch with the events checked so far (a job records its progress there). */
  progress?: (eventsChecked: number) => Promise<unknown>;
}

type Tail = { seq: number; hash: string | null };

/**
 * Walks every device's chain in index order, in batches, so memory stays flat at any volume. Events written after
 * the walk started (id above `upTo`) are left for the next verification, and a device whose anchor moved past the
 * walk's last event because of them is not reported (see anchorProblems). The background full verification
 * (devices.audit.ts) and `npm run db:*` use it; GET /api/audit/verify only when no checkpoint exists yet.
 */
export async function verifyChains(options: FullVerifyOptions = {}): Promise<ChainReport> {
  const upTo = options.upTo ?? (await maxEventId());
  const broken: BrokenLink[] = [];
  let eventsChecked = 0;
  let cursor = { deviceId: 0, seq: 0 };
  let current: { deviceId: number; seq: number; hash: string | null } | undefined;
  // The last event of each device whose chain was walked, until its anchor is checked: the anchors are checked as
  // the walk leaves each range of devices, so about a batch of tails is held (holding every device's until the end
  // took ~350 MB of heap at 1,000,000 devices).
  const tails = new Map<number, Tail>();
  let anchoredThrough = 0;
  const checkAnchors = async (throughId?: number) => {
    for (;;) {
      const devices = await Device.findAll({
        attributes: ['id', 'lastEventSeq', 'lastEventHash'],
        where: {
          id:
            throughId === undefined ? { [Op.gt]: anchoredThrough } : { [Op.gt]: anchoredThrough, [Op.lte]: throughId },
        },
        order: [['id', 'ASC']],
        limit: BATCH,
        raw: true,
      });
      broken.push(...(await anchorProblems(devices, tails)));
      if (devices.length < BATCH) break;
      anchoredThrough = devices[devices.length - 1].id;
    }
    if (throughId !== undefined) anchoredThrough = Math.max(anchoredThrough, throughId);
    tails.clear();
  };
  for (;;) {
    const rows = await DeviceEvent.findAll({
      where: {
        id: { [Op.lte]: upTo },
        [Op.or]: [
          { deviceId: { [Op.gt]: cursor.deviceId } },
          { deviceId: cursor.deviceId, seq: { [Op.gt]: cursor.seq } },
        ],
      },
      order: [
        ['deviceId', 'ASC'],
        ['seq', 'ASC'],
      ],
      limit: BATCH,
      raw: true,
    });
    for (const e of rows) {
      if (!current || current.deviceId !== e.deviceId) {
        if (current) tails.set(current.deviceId, current);
        current = { deviceId: e.deviceId, seq: 0, hash: null };
      }
      const reason = linkProblem(current, e);
      if (reason) broken.push({ deviceId: e.deviceId, assetTag: null, seq: e.seq, eventId: e.id, reason });
      current = { deviceId: e.deviceId, seq: e.seq, hash: e.hash };
      eventsChecked += 1;
    }
    if (options.progress) await options.progress(eventsChecked);
    if (rows.length < BATCH) break;
    const last = rows[rows.length - 1];
    cursor = { deviceId: last.deviceId, seq: last.seq };
    // Every device before the one the walk is in has all its events walked.
    if (current) await checkAnchors(current.deviceId - 1);
  }
  if (current) tails.set(current.deviceId, current);
  await checkAnchors();
  await nameDevices(broken);
  return { ok: broken.length === 0, devicesChecked: await Device.count(), eventsChecked, broken };
}

/**
 * Verifies only the events with an id in (since, upTo]: each against its predecessor (the previous event of its
 * device in the range, or the stored one before it: fetched in one query per batch) and, at the end, the anchors
 * of the devices those events belong to. The events up to `since` were verified by the checkpoint it starts from
 * and are not read again: altering one of them is found by a full verification only.
 */
export async function verifyEventsSince(since: number, upTo: number): Promise<ChainReport> {
  const broken: BrokenLink[] = [];
  const tails = new Map<number, Tail>();
  let eventsChecked = 0;
  let cursor = since;
  for (;;) {
    const rows = await DeviceEvent.findAll({
      where: { id: { [Op.gt]: cursor, [Op.lte]: upTo } },
      order: [['id', 'ASC']],
      limit: BATCH,
      raw: true,
    });
    if (!rows.length) break;
    // Within a device, ids grow with seq (an append holds the device's anchor lock): a device's first event in the
    // range links to a stored predecessor (all of this batch's fetched at once), its next ones to the one before.
    const firsts = new Map<number, number>();
    for (const e of rows) if (!tails.has(e.deviceId) && !firsts.has(e.deviceId)) firsts.set(e.deviceId, e.seq);
    const wanted = [...firsts].filter(([, seq]) => seq > 1).map(([deviceId, seq]) => [deviceId, seq - 1]);
    const before = new Map<number, Tail>();
    for (const p of await eventsAt(wanted)) before.set(p.deviceId, { seq: p.seq, hash: p.hash });
    for (const e of rows) {
      const prev = tails.get(e.deviceId) ?? (e.seq > 1 ? before.get(e.deviceId) : { seq: 0, hash: null });
      const reason = prev ? linkProblem(prev, e) : `event ${e.seq} follows a missing event ${e.seq - 1}`;
      if (reason) broken.push({ deviceId: e.deviceId, assetTag: null, seq: e.seq, eventId: e.id, reason });
      tails.set(e.deviceId, { seq: e.seq, hash: e.hash });
      eventsChecked += 1;
    }
    if (rows.length < BATCH) break;
    cursor = rows[rows.length - 1].id;
  }
  const ids = [...tails.keys()];
  for (let i = 0; i < ids.length; i += BATCH) {
    const devices = await Device.findAll({
      attributes: ['id', 'lastEventSeq', 'lastEventHash'],
      where: { id: ids.slice(i, i + BATCH) },
      raw: true,
    });
    broken.push(...(await anchorProblems(devices, tails)));
  }
  await nameDevices(broken);
  return { ok: broken.length === 0, devicesChecked: ids.length, eventsChecked, broken };
}

/** The stored events at these (device, seq) positions, in one statement. */
async function eventsAt(pairs: number[][]): Promise<{ id: number; deviceId: number; seq: number; hash: string }[]> {
  if (!pairs.length) return [];
  return DeviceEvent.sequelize!.query(
    `SELECT id, device_id AS deviceId, seq, hash FROM device_events
     WHERE device_id IN (:ids) AND (device_id, seq) IN (:pairs)`,
    { replacements: { ids: [...new Set(pairs.map((p) => p[0]))], pairs }, type: QueryTypes.SELECT },
  );
}

function linkProblem(prev: Tail, e: DeviceEvent): string | undefined {
  if (e.seq !== prev.seq + 1) return `event ${e.seq} follows event ${prev.seq}: events are missing or reordered`;
  if ((e.prevHash ?? null) !== prev.hash) return `event ${e.seq} does not link to the previous event's hash`;
  const recomputed = eventHash(e.prevHash ?? null, { ...e, createdAt: new Date(e.createdAt) });
  if (recomputed !== e.hash) return `event ${e.seq} was altered after it was written`;
  return undefined;
}

/**
 * The device row remembers its newest link: a chain that stops short of it lost its last events. A device whose
 * anchor is ahead of the last event read is fine when its next event exists now: it was not there when its chain
 * was read, so it was written (or committed) while the verification ran and the next verification checks it.
 */
async function anchorProblems(
  devices: { id: number; lastEventSeq: number; lastEventHash: string | null }[],
  tails: Map<number, Tail>,
): Promise<BrokenLink[]> {
  const tailOf = (id: number): Tail => tails.get(id) ?? { seq: 0, hash: null };
  const ahead = devices.filter((d) => d.lastEventSeq > tailOf(d.id).seq);
  const later = new Set((await eventsAt(ahead.map((d) => [d.id, tailOf(d.id).seq + 1]))).map((e) => e.deviceId));
  const problems: BrokenLink[] = [];
  for (const d of devices) {
    const tail = tailOf(d.id);
    const matches = tail.seq === d.lastEventSeq && (tail.hash ?? null) === (d.lastEventHash ?? null);
    if (matches || (d.lastEventSeq > tail.seq && later.has(d.id))) continue;
    problems.push({
      deviceId: d.id,
      assetTag: null,
      seq: d.lastEventSeq,
      eventId: null,
      reason: `the history ends at event ${tail.seq} but the device records ${d.lastEventSeq} events`,
    });
  }
  return problems;
}

async function nameDevices(broken: BrokenLink[]): Promise<void> {
  const ids = [...new Set(broken.map((b) => b.deviceId))];
  if (!ids.length) return;
  const rows = await Device.findAll({ attributes: ['id', 'assetTag'], where: { id: ids }, raw: true });
  const tags = new Map(rows.map((r) => [r.id, r.assetTag]));
  for (const b of broken) b.assetTag = tags.get(b.deviceId) ?? null;
}

/**
 * The first event of many new devices at once (CSV import): one multi-row insert and one UPDATE per chunk
 * instead of four statements per device.
 */
export async function appendFirstEvents(
  devices: { id: number }[],
  event: (id: number) => NewEvent,
  transaction: Transaction,
): Promise<void> {
  if (!devices.length) return;
  const createdAt = new Date();
  const rows = devices.map(({ id }) => {
    const e = event(id);
    const fields: HashedFields = {
      deviceId: id,
      seq: 1,
      type: e.type,
      actorId: e.actorId,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      payload: canonicalJson(e.payload ?? {}),
      createdAt,
    };
    return { ...fields, prevHash: null, hash: eventHash(null, fields) };
  });
  await DeviceEvent.bulkCreate(rows, { transaction });
  const sequelize = Device.sequelize!;
  await sequelize.query(
    `UPDATE devices SET last_event_seq = 1, last_event_hash =
       (SELECT e.hash FROM device_events e WHERE e.device_id = devices.id AND e.seq = 1)
     WHERE id IN (:ids)`,
    { replacements: { ids: devices.map((d) => d.id) }, transaction },
  );
}
