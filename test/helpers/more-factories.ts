// More test data built directly in the database, plus small HTTP helpers for the intake routes.
// Devices are created through the devices service (so that they carry a real first event in the hash
// chain); states other than `intake` and past dates are then written straight into the rows.
import { QueryTypes } from 'sequelize';
import type { Test } from 'supertest';
import { config } from '../../server/config.js';
import { getSequelize, withTransaction } from '../../server/db/sequelize.js';
import { createDevice, type DeviceInput, type DeviceStatus } from '../../server/modules/devices/index.js';
import { Device } from '../../server/modules/devices/devices.model.js';
import { Donation } from '../../server/modules/donations/donations.model.js';
import { Site } from '../../server/modules/sites/sites.model.js';
import { api, bearer } from './api.js';
import { createDonation } from './factories.js';
import { rebuildFigures } from '../../server/modules/figures/index.js';

export const DAY_MS = 86_400_000;

export interface DeviceFields extends Partial<Omit<DeviceInput, 'drives'>> {
  donationId?: number;
  status?: DeviceStatus;
  drives?: DeviceInput['drives'];
}

/** A device as intake creates it (tag from the sequence, drives, first event), then moved to `status` if given. */
export async function createDeviceRecord(fields: DeviceFields = {}): Promise<Device> {
  const donationId = fields.donationId ?? (await createDonation()).id;
  const { status, drives, donationId: _ignored, ...rest } = fields;
  const device = await withTransaction((transaction) =>
    createDevice(donationId, { type: 'laptop', ...rest, drives: drives ?? [] }, null, transaction),
  );
  if (status && status !== 'intake') {
    await withTransaction((transaction) => Device.update({ status }, { where: { id: device.id }, transaction }));
    // Written behind the lifecycle's back: the figures' read model learns of it as an operator's would.
    await rebuildFigures();
  }
  return (await Device.findByPk(device.id))!;
}

/** A donation with an exact code (the factory in factories.ts numbers them DN-2000-NNNN). */
export async function createDonationWithCode(code: string): Promise<Donation> {
  const donation = await createDonation();
  await withTransaction((transaction) => Donation.update({ code }, { where: { id: donation.id }, transaction }));
  return (await Donation.findByPk(donation.id))!;
}

let siteCounter = 0;

/** A warehouse. */
export async function createSite(name = 'مستودع الدمام'): Promise<Site> {
  siteCounter += 1;
  return withTransaction((transaction) =>
    Site.create({ code: `DMM-${siteCounter}`, name, nameLatin: null, city: 'الدمام' }, { transaction }),
  );
}

/** Moves the asset-tag counter, so that the next intake gets tag number `last + 1`. */
export async function setAssetTagCounter(last: number): Promise<void> {
  const name = `asset_tag:${config.tags.prefix}`;
  await withTransaction(async (transaction) => {
    await getSequelize().query('DELETE FROM sequences WHERE name = :name', { replacements: { name }, transaction });
    await getSequelize().query('INSERT INTO sequences (name, value) VALUES (:name, :last)', {
      replacements: { name, last },
      transaction,
    });
  });
}

/** Writes a timestamp column of one row `days` days in the past (tables and columns are ours, not input). */
export async function backdate(
  table: 'devices' | 'donations',
  column: 'created_at' | 'status_changed_at',
  id: number,
  days: number,
): Promise<Date> {
  const when = new Date(Date.now() - days * DAY_MS);
  await withTransaction((transaction) =>
    getSequelize().query(`UPDATE ${table} SET ${column} = :when WHERE id = :id`, {
      replacements: { when, id },
      transaction,
    }),
  );
  return when;
}

/** Runs a raw statement in a write transaction (tests that tamper with rows on purpose). */
export async function rawWrite(sql: string, replacements: Record<string, unknown> = {}): Promise<void> {
  await withTransaction((transaction) => getSequelize().query(sql, { replacements, transaction }));
}

/** Rows of a raw SELECT. */
export function rawSelect<T extends object>(sql: string, replacements: Record<string, unknown> = {}): Promise<T[]> {
  return getSequelize().query<T>(sql, { replacements, type: QueryTypes.SELECT });
}

/** How many rows a table holds. */
export async function countRows(table: string): Promise<number> {
  const [row] = await rawSelect<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row.n);
}

/** POST /api/donations/:id/devices as the holder of `token`. */
export function postDevice(token: string, donationId: number, body: Record<string, unknown>): Test {
  return api().post(`/api/donations/${donationId}/devices`).set(bearer(token)).send(body);
}

/** POST /api/donations/:id/devices/import with `csv` as the multipart field "file". */
export function postManifest(
  token: string,
  donationId: number,
  csv: string | Buffer,
  fields: Record<string, string> = {},
): Test {
  const req = api().post(`/api/donations/${donationId}/devices/import`).set(bearer(token));
  for (const [k, v] of Object.entries(fields)) req.field(k, v);
  return req.attach('file', Buffer.isBuffer(csv) ? csv : Buffer.from(csv, 'utf8'), {
    filename: 'manifest.csv',
    contentType: 'text/csv',
  });
}

/** The error body every failure shares. */
export interface ErrorBodyOf<D = unknown> {
  error: { code: string; message: string; details?: D; requestId: string };
}
