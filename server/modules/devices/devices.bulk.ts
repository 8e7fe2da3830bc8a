// Bulk actions on the device list (issue 20): a selection (every device matching the list's filters, capped), and a
// runner that takes many devices through the SAME code path as the single action, ONE TRANSACTION PER DEVICE: each
// device is done fully (its event, the read model's figures, its webhooks) or not at all, and one device's conflict
// or refusal leaves the others done. A device whose version moved on since it was selected is reported in
// `conflicts`, never overwritten; one the action does not apply to in `refused`, with the reason.
import Joi from 'joi';
import { AppError, UnprocessableError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import { Device } from './devices.model.js';
import { countDevices } from './devices.totals.js';
import { deviceListQuery, type DeviceListQuery } from './devices.schema.js';
import { deviceWhere } from './devices.service.js';
import type { DeviceStatus } from './devices.lifecycle.js';

/** At most this many devices per bulk request (the client sends a larger selection in several requests). */
export const BULK_MAX = 500;
/** At most this many devices in a selection "all matching this filter". */
export const SELECTION_MAX = 5000;

export interface BulkItem {
  id: number;
  version: number;
}

/** `devices: [{ id, version }]`, 1..500, each id once. */
export const bulkDevicesKey = Joi.array()
  .items(
    Joi.object<BulkItem>({
      id: Joi.number()
        .integer()
        .positive()
        .max(2 ** 31 - 1)
        .required(),
      version: Joi.number().integer().min(0).required(),
    }),
  )
  .min(1)
  .max(BULK_MAX)
  .unique('id')
  .required();

export const bulkMoveInput = Joi.object<{ devices: BulkItem[]; siteId: number; reason?: string }>({
  devices: bulkDevicesKey,
  siteId: Joi.number().integer().positive().required(),
  reason: Joi.string().trim().max(500).allow(''),
});

export const bulkTriageInput = Joi.object<{
  devices: BulkItem[];
  needsRepair: boolean;
  disposition: 'reuse' | 'recycle' | 'parts';
  findings?: string;
}>({
  devices: bulkDevicesKey,
  needsRepair: Joi.boolean().required(),
  disposition: Joi.string().valid('reuse', 'recycle', 'parts').default('reuse'),
  findings: Joi.string().trim().max(2000).allow(''),
});

/** The list's filters, without paging. */
export const selectionQuery = deviceListQuery.fork(['page', 'pageSize'], (s) => s.strip());

export interface BulkDevice {
  id: number;
  tag: string | null;
  status: DeviceStatus | null;
  version: number | null;
}
export interface BulkRefusal extends BulkDevice {
  /** The error code of the single action (ALREADY_THERE, INVALID_TRANSITION, NOT_FOUND, WIPE_INCOMPLETE…). */
  reason: string;
  message: string;
}
export interface BulkResult {
  /** Always `per_device`: each device in its own transaction. */
  transaction: 'per_device';
  done: BulkDevice[];
  conflicts: BulkDevice[];
  refused: BulkRefusal[];
}

/**
 * Runs `one` for each device in turn, each call its own transaction (the single action's use case). STALE_VERSION
 * is a conflict; any other 4xx of the single action is a refusal with its code; anything else (a 5xx) stops the run
 * and propagates, the devices done before it staying done.
 */
export async function runBulk(
  items: BulkItem[],
  one: (item: BulkItem) => Promise<unknown>,
  label: string,
): Promise<BulkResult> {
  const done: number[] = [];
  const conflicts: number[] = [];
  const refused = new Map<number, { reason: string; message: string }>();
  for (const item of items) {
    try {
      await one(item);
      done.push(item.id);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      if (err.code === 'STALE_VERSION') conflicts.push(item.id);
      else refused.set(item.id, { reason: err.code, message: err.message });
    }
  }
  const rows = await Device.findAll({
    attributes: ['id', 'assetTag', 'status', 'version'],
    where: { id: items.map((i) => i.id) },
    raw: true,
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const describe = (id: number): BulkDevice => {
    const r = byId.get(id);
    return { id, tag: r?.assetTag ?? null, status: r?.status ?? null, version: r?.version ?? null };
  };
  logger.info('devices.bulk', { action: label, done: done.length, conflicts: conflicts.length, refused: refused.size });
  return {
    transaction: 'per_device',
    done: done.map(describe),
    conflicts: conflicts.map(describe),
    refused: [...refused].map(([id, r]) => ({ ...describe(id), ...r })),
  };
}

export interface Selection {
  total: number;
  items: BulkItem[];
}

/** Every device matching the list's filters (newest first, as the list), as ids and versions; 422 beyond the cap. */
export async function selectDevices(q: Omit<DeviceListQuery, 'page' | 'pageSize'>): Promise<Selection> {
  const where = deviceWhere(q);
  const total = await countDevices(q, where);
  if (total > SELECTION_MAX)
    throw new UnprocessableError(
      'SELECTION_TOO_LARGE',
      `${total} devices match this filter; a selection holds at most ${SELECTION_MAX}: narrow the filter`,
      { limit: SELECTION_MAX, total },
    );
  const rows = await Device.findAll({
    attributes: ['id', 'version'],
    where,
    order: [['id', 'DESC']],
    limit: SELECTION_MAX,
    raw: true,
  });
  return { total: rows.length, items: rows.map((r) => ({ id: r.id, version: r.version })) };
}
