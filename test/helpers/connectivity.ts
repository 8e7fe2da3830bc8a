// Sponsors, bundle lots and handovers with a bundle, for the connectivity tests (spec §14), over the API.
import { expect } from 'chai';
import type { Response } from 'supertest';
import { api, bearer } from './api.js';
import { createBeneficiary, SIGNATURE_PNG } from './beneficiaries.js';
import { readyDevice } from './workshop.js';
import { rawSelect } from './more-factories.js';
import type { BundleLotDto, SponsorDto } from '../../server/shared/index.js';

let sponsors = 0;

export async function createSponsor(token: string, fields: Record<string, unknown> = {}): Promise<SponsorDto> {
  sponsors += 1;
  const res = await api()
    .post('/api/sponsors')
    .set(bearer(token))
    .send({ name: `شركة الاتصالات ${sponsors}`, nameLatin: `Telecom ${sponsors}`, ...fields });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return res.body as SponsorDto;
}

export async function addLot(
  token: string,
  sponsorId: number,
  fields: Partial<{ operator: string; dataGb: number; validityDays: number; count: number }> = {},
): Promise<BundleLotDto> {
  const res = await api()
    .post(`/api/sponsors/${sponsorId}/bundles`)
    .set(bearer(token))
    .send({ operator: 'STC', dataGb: 10, validityDays: 30, count: 5, ...fields });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return res.body as BundleLotDto;
}

export interface Reserved {
  allocationId: number;
  deviceId: number;
  beneficiaryId: number;
}

/** A ready device reserved for a verified family (`beneficiary` fields, e.g. its regionCode); `token` a manager's. */
export async function reservedAllocation(token: string, beneficiary: Record<string, unknown> = {}): Promise<Reserved> {
  const device = await readyDevice(token);
  const { id: beneficiaryId } = await createBeneficiary(token, { regionCode: 'SA-04', ...beneficiary });
  const res = await api().post('/api/allocations').set(bearer(token)).send({ deviceId: device.id, beneficiaryId });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return { allocationId: res.body.id as number, deviceId: device.id, beneficiaryId };
}

/** POST /api/allocations/:id/handover with a receiver, a signature and `extra` (e.g. `bundle`); not asserted. */
export function handOver(token: string, allocationId: number, extra: Record<string, unknown> = {}): Promise<Response> {
  return api()
    .post(`/api/allocations/${allocationId}/handover`)
    .set(bearer(token))
    .send({ receivedBy: 'أم خالد', signature: SIGNATURE_PNG, handedOverAt: '2026-11-23T10:00:00Z', ...extra });
}

export interface AssignmentRow {
  allocation_id: number;
  lot_id: number;
  sponsor_id: number;
  iccid_encrypted: string;
  iccid_last4: string;
  data_mb: number;
  region_code: string;
  month: string;
}

export const assignments = (): Promise<AssignmentRow[]> =>
  rawSelect<AssignmentRow>(
    `SELECT allocation_id, lot_id, sponsor_id, iccid_encrypted, iccid_last4, data_mb, region_code, month
       FROM bundle_assignments ORDER BY id`,
  );

export async function remainingOf(lotId: number): Promise<number> {
  const [row] = await rawSelect<{ remaining: number | string }>('SELECT remaining FROM bundle_lots WHERE id = :lotId', {
    lotId,
  });
  return Number(row.remaining);
}

/** The allocation's and its device's status as stored. */
export async function statusesOf(r: Reserved): Promise<{ allocation: string; device: string }> {
  const [a] = await rawSelect<{ status: string }>('SELECT status FROM allocations WHERE id = :id', {
    id: r.allocationId,
  });
  const [d] = await rawSelect<{ status: string }>('SELECT status FROM devices WHERE id = :id', { id: r.deviceId });
  return { allocation: a.status, device: d.status };
}

/** A 20-digit ICCID (Saudi prefix 89966), different for each `n`. */
export const iccid = (n: number): string => `8996601${String(n).padStart(13, '0')}`;
