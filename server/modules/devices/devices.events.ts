// The append-only, hash-chained history of each device:
// hash = sha256(prevHash + canonical JSON of the event). devices.last_event_* anchors the newest link,
// so an altered, removed or reordered event is found by verifyChains().
import { createHash } from 'node:crypto';
import { Op, type Transaction } from 'sequelize';
import { canonicalJson } from '../../lib/canonical-json.js';
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

/** Walks every device's chain in index order, in batches, so memory stays flat at any volume. */
export async function verifyChains(): Promise<ChainReport> {
  const broken: BrokenLink[] = [];
  let eventsChecked = 0;
  let cursor = { deviceId: 0, seq: 0 };
  let current: { deviceId: number; seq: number; hash: string | null } | undefined;
  const checkedDevices = new Map<number, { seq: number; hash: string | null }>();
  for (;;) {
    const rows = await DeviceEvent.findAll({
      where: {
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
        if (current) checkedDevices.set(current.deviceId, current);
        current = { deviceId: e.deviceId, seq: 0, hash: null };
      }
      const reason = linkProblem(current, e);
      if (reason) broken.push({ deviceId: e.deviceId, assetTag: null, seq: e.seq, eventId: e.id, reason });
      current = { deviceId: e.deviceId, seq: e.seq, hash: e.hash };
      eventsChecked += 1;
    }
    if (rows.length < BATCH) break;
    const last = rows[rows.length - 1];
    cursor = { deviceId: last.deviceId, seq: last.seq };
  }
  if (current) checkedDevices.set(current.deviceId, current);
  await checkAnchors(checkedDevices, broken);
  const tags = await tagsOf(broken.map((b) => b.deviceId));
  for (const b of broken) b.assetTag = tags.get(b.deviceId) ?? null;
  return { ok: broken.length === 0, devicesChecked: await Device.count(), eventsChecked, broken };
}

function linkProblem(prev: { seq: number; hash: string | null }, e: DeviceEvent): string | undefined {
  if (e.seq !== prev.seq + 1) return `event ${e.seq} follows event ${prev.seq}: events are missing or reordered`;
  if ((e.prevHash ?? null) !== prev.hash) return `event ${e.seq} does not link to the previous event's hash`;
  const recomputed = eventHash(e.prevHash ?? null, { ...e, createdAt: new Date(e.createdAt) });
  if (recomputed !== e.hash) return `event ${e.seq} was altered after it was written`;
  return undefined;
}

/** The device row remembers its newest link: a chain that stops short of it lost its last events. */
async function checkAnchors(
  seen: Map<number, { seq: number; hash: string | null }>,
  broken: BrokenLink[],
): Promise<void> {
  let lastId = 0;
  for (;;) {
    const devices = await Device.findAll({
      attributes: ['id', 'lastEventSeq', 'lastEventHash'],
      where: { id: { [Op.gt]: lastId } },
      order: [['id', 'ASC']],
      limit: BATCH,
      raw: true,
    });
    for (const d of devices) {
      const tail = seen.get(d.id) ?? { seq: 0, hash: null };
      if (tail.seq !== d.lastEventSeq || (tail.hash ?? null) !== (d.lastEventHash ?? null)) {
        broken.push({
          deviceId: d.id,
          assetTag: null,
          seq: d.lastEventSeq,
          eventId: null,
          reason: `the history ends at event ${tail.seq} but the device records ${d.lastEventSeq} events`,
        });
      }
    }
    if (devices.length < BATCH) return;
    lastId = devices[devices.length - 1].id;
  }
}

async function tagsOf(ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await Device.findAll({ attributes: ['id', 'assetTag'], where: { id: [...new Set(ids)] }, raw: true });
  return new Map(rows.map((r) => [r.id, r.assetTag]));
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
