// Device use cases: intake (inside a caller's transaction), listing, detail, history.
import { Op, UniqueConstraintError, type Transaction, type WhereOptions } from 'sequelize';
import { config } from '../../config.js';
import { nextSequenceValue, reserveSequenceValues } from '../../db/sequences.js';
import { ConflictError, NotFoundError } from '../../lib/errors.js';
import { offsetOf, type Page } from '../../lib/pagination.js';
import { serialKey } from '../../lib/text.js';
import { containsPattern, prefixPattern } from '../../lib/sql.js';
import { recordDevicesCreated } from '../figures/index.js';
import { appendEvent, appendFirstEvents } from './devices.events.js';
import { withEventNames } from './devices.event-names.js';
import { countDevices } from './devices.totals.js';
import { Device, DeviceEvent, Drive } from './devices.model.js';
import { toDeviceDto, toEventDto, type DeviceInput, type DeviceListQuery } from './devices.schema.js';
import type { DeviceDto, DeviceEventDto } from '../../shared/index.js';
import type { PageQuery } from '../../lib/pagination.js';

export function formatAssetTag(n: number): string {
  return config.tags.prefix + String(n).padStart(config.tags.digits, '0');
}

/** 409 DUPLICATE_IMEI: the phone was taken in already (one IMEI, one device); details name the devices that hold it. */
function duplicateImei(found: { id: number; assetTag: string }[]): ConflictError {
  return new ConflictError(
    'DUPLICATE_IMEI',
    `A device with this IMEI is recorded already: ${found.map((f) => f.assetTag).join(', ')}`,
    found.map((f) => ({
      path: 'imei',
      message: `is the IMEI of ${f.assetTag}`,
      existingId: f.id,
      assetTag: f.assetTag,
    })),
  );
}

/**
 * Checked before writing, so the answer can name the device that has the IMEI; the unique index (devices_imei)
 * still decides between two intakes of the same phone at the same moment (toDuplicateImei below).
 */
async function assertNewImeis(imeis: string[], transaction: Transaction): Promise<void> {
  if (!imeis.length) return;
  const found = await Device.findAll({
    where: { imei: imeis },
    attributes: ['id', 'assetTag'],
    order: [['id', 'ASC']],
    transaction,
    raw: true,
  });
  if (found.length) throw duplicateImei(found);
}

/** A lost race on the unique IMEI index, as the same 409 the check above gives. */
function toDuplicateImei(err: unknown): unknown {
  if (err instanceof UniqueConstraintError && err.errors.some((e) => e.path === 'imei' || /imei/.test(e.path ?? '')))
    return duplicateImei([]);
  return err;
}

/** Creates a device in `intake` with its drives and its first event. Runs inside the caller's transaction. */
export async function createDevice(
  donationId: number,
  input: DeviceInput,
  actorId: number | null,
  transaction: Transaction,
  source = 'manual',
): Promise<Device> {
  if (input.imei) await assertNewImeis([input.imei], transaction);
  const assetTag = formatAssetTag(await nextSequenceValue(`asset_tag:${config.tags.prefix}`, transaction));
  const { drives, ...fields } = input;
  const device = await Device.create(
    {
      ...fields,
      donationId,
      assetTag,
      siteId: input.siteId ?? null,
      manufacturer: input.manufacturer ?? null,
      model: input.model ?? null,
      serialNumber: input.serialNumber ?? null,
      serialKey: input.serialNumber ? serialKey(input.serialNumber) : null,
      imei: input.imei ?? null,
      status: 'intake',
      statusChangedAt: new Date(),
    },
    { transaction },
  ).catch((err: unknown) => {
    throw toDuplicateImei(err);
  });
  if (drives.length) {
    await Drive.bulkCreate(
      drives.map((d) => ({
        deviceId: device.id,
        serialNumber: d.serialNumber,
        serialKey: serialKey(d.serialNumber),
        model: d.model ?? null,
        mediaType: d.mediaType,
        capacityBytes: d.capacityBytes ?? null,
      })),
      { transaction },
    );
  }
  await recordDevicesCreated([{ siteId: device.siteId, type: device.type, createdAt: device.createdAt }], transaction);
  await appendEvent(
    device.id,
    {
      type: 'intake',
      actorId,
      toStatus: 'intake',
      payload: {
        donationId,
        source,
        drives: drives.map((d) => d.serialNumber),
        ...(device.imei ? { imei: device.imei } : {}),
      },
    },
    transaction,
  );
  return device;
}

const IMPORT_CHUNK = 500;

/** Many devices without drives (a CSV manifest), inside the caller's transaction, in multi-row statements. */
export async function createDevicesBulk(
  donationId: number,
  inputs: Omit<DeviceInput, 'drives'>[],
  actorId: number | null,
  transaction: Transaction,
): Promise<{ id: number; assetTag: string }[]> {
  await assertNewImeis(
    inputs.flatMap((i) => (i.imei ? [i.imei] : [])),
    transaction,
  );
  const first = await reserveSequenceValues(`asset_tag:${config.tags.prefix}`, inputs.length, transaction);
  const created: { id: number; assetTag: string }[] = [];
  for (let start = 0; start < inputs.length; start += IMPORT_CHUNK) {
    const chunk = inputs.slice(start, start + IMPORT_CHUNK).map((input, i) => ({
      ...input,
      donationId,
      assetTag: formatAssetTag(first + start + i),
      siteId: input.siteId ?? null,
      manufacturer: input.manufacturer ?? null,
      model: input.model ?? null,
      serialNumber: input.serialNumber ?? null,
      serialKey: input.serialNumber ? serialKey(input.serialNumber) : null,
      imei: input.imei ?? null,
      status: 'intake' as const,
      statusChangedAt: new Date(),
    }));
    await Device.bulkCreate(chunk, { transaction }).catch((err: unknown) => {
      throw toDuplicateImei(err);
    });
    await recordDevicesCreated(
      chunk.map((c) => ({ siteId: c.siteId, type: c.type, createdAt: c.statusChangedAt })),
      transaction,
    );
    const rows = await Device.findAll({
      attributes: ['id', 'assetTag', 'imei'],
      where: { assetTag: chunk.map((c) => c.assetTag) },
      transaction,
      raw: true,
    });
    const imeiOf = new Map(rows.map((r) => [r.id, r.imei]));
    await appendFirstEvents(
      rows,
      (id) => ({
        type: 'intake',
        actorId,
        toStatus: 'intake',
        payload: { donationId, source: 'csv_import', drives: [], ...(imeiOf.get(id) ? { imei: imeiOf.get(id) } : {}) },
      }),
      transaction,
    );
    created.push(...rows.map((r) => ({ id: r.id, assetTag: r.assetTag })));
  }
  return created.sort((a, b) => a.id - b.id);
}

const DONATION_CODE = { association: 'donation', attributes: ['id', 'code'] };

/** The list's filters as a WHERE (the list, its bulk selection and the CSV of a filter share it). */
export function deviceWhere(q: Omit<DeviceListQuery, 'page' | 'pageSize'>): WhereOptions<Device> {
  const where: WhereOptions<Device> = {};
  if (q.status?.length) Object.assign(where, { status: q.status });
  if (q.type) Object.assign(where, { type: q.type });
  if (q.donationId) Object.assign(where, { donationId: q.donationId });
  if (q.siteId) Object.assign(where, { siteId: q.siteId });
  if (q.q) Object.assign(where, textFilter(q.q));
  return where;
}

export async function listDevices(q: DeviceListQuery): Promise<Page<DeviceDto>> {
  const where = deviceWhere(q);
  const [total, rows] = await Promise.all([
    countDevices(q, where),
    // Plain rows (raw): lists map straight to DTOs, and building a model instance per row and include was the
    // largest CPU cost of this request (docs/performance.md).
    Device.findAll({
      where,
      include: [DONATION_CODE],
      order: [['id', 'DESC']],
      limit: q.pageSize,
      offset: offsetOf(q),
      raw: true,
      nest: true,
    }),
  ]);
  return { items: rows.map((d) => toDeviceDto(d, codeOf(d))), total, page: q.page, pageSize: q.pageSize };
}

/** Tags, serials and IMEIs match by prefix (index-friendly); make and model by substring. */
function textFilter(q: string): WhereOptions<Device> {
  const key = serialKey(q);
  return {
    [Op.or]: [
      { assetTag: { [Op.like]: prefixPattern(key) } },
      { serialKey: { [Op.like]: prefixPattern(key) } },
      ...(/^[0-9]{4,15}$/.test(key) ? [{ imei: { [Op.like]: prefixPattern(key) } }] : []),
      { model: { [Op.like]: containsPattern(q) } },
      { manufacturer: { [Op.like]: containsPattern(q) } },
    ],
  };
}

const codeOf = (d: Device): string | undefined => (d as Device & { donation?: { code: string } }).donation?.code;

export async function listDeviceEvents(id: number, q: PageQuery): Promise<Page<DeviceEventDto>> {
  if (!(await Device.count({ where: { id } }))) throw new NotFoundError(`Device ${id} not found`);
  const { rows, count } = await DeviceEvent.findAndCountAll({
    where: { deviceId: id },
    include: [{ association: 'actor', attributes: ['name'] }],
    order: [['seq', 'ASC']],
    limit: q.pageSize,
    offset: offsetOf(q),
  });
  return { items: await withEventNames(rows.map(toEventDto)), total: count, page: q.page, pageSize: q.pageSize };
}

export async function countByStatus(where: WhereOptions<Device>): Promise<Record<string, number>> {
  const rows = (await Device.findAll({
    attributes: ['status', [Device.sequelize!.fn('COUNT', Device.sequelize!.col('id')), 'n']],
    where,
    group: ['status'],
    raw: true,
  })) as unknown as { status: string; n: number | string }[];
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
