// Devices in partner associations' custody (spec §13): the partner's "my devices", and the managers' view of every
// partner's. One query a page: the device, its partner, the batch that brought it, its reserved onward allocation.
import { QueryTypes } from 'sequelize';
import Joi from 'joi';
import { getSequelize, withTransaction } from '../../db/sequelize.js';
import { offsetOf, pageQueryKeys, type Page, type PageQuery } from '../../lib/pagination.js';
import type { Actor } from '../auth/index.js';
import { returnFromCustody } from '../devices/index.js';
import type { CustodyDeviceDto, CustodyReturnInput } from '../../shared/index.js';

export interface CustodyListQuery extends PageQuery {
  partnerId?: number;
}
export const custodyListQuery = Joi.object<CustodyListQuery>({
  ...pageQueryKeys,
  partnerId: Joi.number().integer().positive(),
});
export const custodyReturnInput = Joi.object<CustodyReturnInput>({
  reason: Joi.string().trim().min(3).max(500).required(),
  siteId: Joi.number().integer().positive(),
});

/** Still with the partner: ready to hand on, or reserved for one of its families (handed-over ones have left). */
const HELD = ['ready', 'allocated'];

interface Row {
  deviceId: number;
  assetTag: string;
  status: string;
  type: string;
  manufacturer: string | null;
  model: string | null;
  serialNumber: string | null;
  ramGb: number | null;
  storageSummary: string | null;
  grade: string | null;
  partnerId: number;
  partnerName: string;
  batchId: number | null;
  batchCode: string | null;
  programmeId: number | null;
  since: Date | string;
  allocationId: number | null;
}

/** A partner user sees its own organisation's custody whatever it asks; staff may filter by partner. */
export async function custodyPage(q: CustodyListQuery, actor: Actor): Promise<Page<CustodyDeviceDto>> {
  const partnerId = actor.role === 'partner' ? (actor.partnerId ?? -1) : q.partnerId;
  const where = `d.custody_partner_id IS NOT NULL AND d.status IN (:held)${partnerId != null ? ' AND d.custody_partner_id = :partnerId' : ''}`;
  const replacements = { held: HELD, partnerId, limit: q.pageSize, offset: offsetOf(q) };
  const sequelize = getSequelize();
  const [rows, [{ n }]] = await Promise.all([
    sequelize.query<Row>(
      `SELECT d.id AS deviceId, d.asset_tag AS assetTag, d.status, d.type, d.manufacturer, d.model,
              d.serial_number AS serialNumber, d.ram_gb AS ramGb, d.storage_summary AS storageSummary, d.grade,
              d.custody_partner_id AS partnerId, p.name AS partnerName, d.custody_batch_id AS batchId,
              b.code AS batchCode, b.programme_id AS programmeId, d.custody_since AS since,
              (SELECT MAX(a.id) FROM allocations a WHERE a.device_id = d.id AND a.status = 'reserved') AS allocationId
         FROM devices d JOIN partners p ON p.id = d.custody_partner_id
         LEFT JOIN allocation_batches b ON b.id = d.custody_batch_id
        WHERE ${where} ORDER BY d.custody_partner_id, d.id LIMIT :limit OFFSET :offset`,
      { replacements, type: QueryTypes.SELECT },
    ),
    sequelize.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM devices d WHERE ${where}`, {
      replacements,
      type: QueryTypes.SELECT,
    }),
  ]);
  return {
    items: rows.map((r) => ({
      deviceId: r.deviceId,
      assetTag: r.assetTag,
      status: r.status,
      type: r.type,
      manufacturer: r.manufacturer,
      model: r.model,
      serialNumber: r.serialNumber,
      ramGb: r.ramGb == null ? null : Number(r.ramGb),
      storageGb: storageGbOf(r.storageSummary),
      grade: r.grade,
      partnerId: r.partnerId,
      partnerName: r.partnerName,
      batchId: r.batchId,
      batchCode: r.batchCode,
      programmeId: r.programmeId,
      since: new Date(r.since).toISOString(),
      allocationId: r.allocationId == null ? null : Number(r.allocationId),
    })),
    total: Number(n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** "256 GB SSD" → 256; "1 TB HDD" → 1000; anything else → null. */
function storageGbOf(summary: string | null): number | null {
  const m = summary ? /(\d+(?:\.\d+)?)\s*(GB|TB)/i.exec(summary) : null;
  if (!m) return null;
  return Math.round(Number(m[1]) * (m[2].toUpperCase() === 'TB' ? 1000 : 1));
}

/** Back to the charity: by a manager, or by the partner holding it (its own custody only). */
export async function returnDevice(deviceId: number, input: CustodyReturnInput, actor: Actor) {
  await withTransaction((t) =>
    returnFromCustody(
      deviceId,
      { ...input, partnerId: actor.role === 'partner' ? (actor.partnerId ?? -1) : undefined },
      actor,
      t,
    ),
  );
  return { deviceId, returned: true };
}
