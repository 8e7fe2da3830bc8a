// The ONE function that writes Device.status: compare-and-set on (status, version), then the hash-chained
// event, inside the caller's transaction. Workshop actions and allocations both come through here.
import type { InferAttributes, Transaction } from 'sequelize';
import { writeIn } from '../../db/statements.js';
import { sqlTime } from '../../lib/sql.js';
import { ConflictError, NotFoundError } from '../../lib/errors.js';
import { recordStatusChange } from '../figures/index.js';
import { publishEvent } from '../webhooks/index.js';
import { insertLink, lockAnchor, nextLink, type Anchor, type EventRow } from './devices.events.js';
import { assertActionAllowed, assertTarget, type DeviceAction, type DeviceStatus } from './devices.lifecycle.js';
import { Device } from './devices.model.js';
import { readDeviceRow, type DeviceRow } from './devices.queries.js';

export type DeviceFields = Partial<
  Pick<
    InferAttributes<Device>,
    | 'disposition'
    | 'grade'
    | 'r2Function'
    | 'r2Cosmetic'
    | 'os'
    | 'licence'
    | 'windows11Eligible'
    | 'siteId'
    | 'custodyPartnerId'
    | 'custodySince'
    | 'custodyBatchId'
  >
>;

export interface StatusChange {
  action: DeviceAction;
  version: number;
  to: DeviceStatus;
  actorId: number | null;
  payload: Record<string, unknown>;
  fields?: DeviceFields;
}

/** Loads the device for an action: 404, then 409 STALE_VERSION, then 409 INVALID_TRANSITION. */
export async function loadForAction(
  id: number,
  action: DeviceAction,
  version: number,
  transaction: Transaction,
): Promise<DeviceRow> {
  const device = await readDeviceRow(id, transaction);
  if (!device) throw new NotFoundError(`Device ${id} not found`);
  if (device.version !== version) {
    throw new ConflictError(
      'STALE_VERSION',
      `Device ${device.assetTag} changed meanwhile (version ${device.version}, not ${version}); reload and retry`,
      { currentVersion: device.version, status: device.status },
    );
  }
  assertActionAllowed(device.status, action);
  return device;
}

/**
 * Writes the new state and the new chain anchor in ONE compare-and-set UPDATE, then the event: two statements
 * where there were five, reload included (each round trip cost ~0.3-0.5 ms of server CPU on the bench machine,
 * docs/performance.md). The WHERE holds the old status and version, and the anchor the event was hashed
 * against: if any of them moved (a concurrent action, or a note appended meanwhile), nothing is written and the
 * anchor is read again FOR UPDATE, so a lost race still ends in STALE_VERSION and an interleaved note does not.
 */
export async function changeStatus<D extends DeviceRow>(
  device: D,
  change: StatusChange,
  transaction: Transaction,
): Promise<D> {
  const from = device.status;
  assertActionAllowed(from, change.action);
  assertTarget(change.action, change.to);
  const stale = () =>
    new ConflictError('STALE_VERSION', `Device ${device.assetTag} changed meanwhile; reload and retry`);
  const now = new Date();
  const event = {
    type: change.action,
    actorId: change.actorId,
    fromStatus: from,
    toStatus: change.to,
    payload: change.payload,
  };
  const write = async (
    anchor: Anchor,
  ): Promise<{ changed: number; values: Record<string, unknown>; link: EventRow }> => {
    const link = nextLink(device.id, anchor, event, now);
    const values = {
      ...change.fields,
      // A device returned by its family starts a new cycle at the charity: whoever handed it on holds it no more.
      ...(change.action === 'return' ? { custodyPartnerId: null, custodySince: null, custodyBatchId: null } : {}),
      status: change.to,
      version: change.version + 1,
      statusChangedAt: now,
      updatedAt: now,
      lastEventSeq: link.seq,
      lastEventHash: link.hash,
    };
    const changed = await compareAndSet(
      device.id,
      { status: from, version: change.version, lastEventSeq: anchor.lastEventSeq },
      values,
      transaction,
    );
    return { changed, values, link };
  };
  const loaded = typeof device.lastEventSeq === 'number' && device.lastEventHash !== undefined;
  let done = loaded
    ? await write({
        status: from,
        version: change.version,
        lastEventSeq: device.lastEventSeq,
        lastEventHash: device.lastEventHash ?? null,
      })
    : undefined;
  if (!done?.changed) {
    const anchor = await lockAnchor(device.id, transaction);
    if (anchor.status !== from || anchor.version !== change.version) throw stale();
    done = await write(anchor);
    if (!done.changed) throw stale();
  }
  await insertLink(done.link, transaction);
  // The read model, in this transaction: the counts move from `from` to `to`, the stage left becomes a span.
  await recordStatusChange(
    {
      deviceId: device.id,
      action: change.action,
      from,
      to: change.to,
      enteredAt: device.statusChangedAt,
      leftAt: now,
      endSeq: done.link.seq,
      siteBefore: change.fields?.siteId !== undefined ? device.siteId : undefined,
      payload: change.payload,
      // Loaded whole by loadForAction or findDevice; a caller that loaded fewer columns lets figures read them.
      device:
        device.type !== undefined && device.createdAt instanceof Date
          ? {
              siteId: change.fields?.siteId !== undefined ? change.fields.siteId : device.siteId,
              type: device.type,
              createdAt: device.createdAt,
            }
          : undefined,
    },
    transaction,
  );
  // Webhooks (spec §12), in this transaction: ids and statuses only.
  await publishEvent(transaction, 'device.status_changed', `${device.id}:${done.link.seq}`, {
    deviceId: device.id,
    assetTag: device.assetTag,
    action: change.action,
    from,
    to: change.to,
    version: change.version + 1,
    at: now.toISOString(),
  });
  // The row now holds exactly these values: set them on the instance instead of reading the row back.
  return Object.assign(device, done.values);
}

/**
 * The compare-and-set UPDATE as plain SQL (Device.update builds and validates an instance and clones its options:
 * more CPU than the statement itself). Returns the rows changed: 0 when the row no longer matches `expected`.
 */
async function compareAndSet(
  id: number,
  expected: { status: DeviceStatus; version: number; lastEventSeq: number },
  values: Record<string, unknown>,
  transaction: Transaction,
): Promise<number> {
  const attributes = Device.getAttributes() as Record<string, { field?: string }>;
  const keys = Object.keys(values).filter((key) => values[key] !== undefined);
  const set = keys.map((key) => {
    const column = attributes[key]?.field;
    if (!column) throw new Error(`compareAndSet: devices has no attribute ${key}`);
    return `${column} = ?`;
  });
  const value = (v: unknown) => (v instanceof Date ? sqlTime(v) : v);
  return writeIn(
    transaction,
    `UPDATE devices SET ${set.join(', ')} WHERE id = ? AND status = ? AND version = ? AND last_event_seq = ?`,
    [...keys.map((key) => value(values[key])), id, expected.status, expected.version, expected.lastEventSeq],
  );
}
