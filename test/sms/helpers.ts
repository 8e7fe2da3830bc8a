// Shared by the SMS tests: the outbox rows of the sms channel as stored, families with known phone numbers, and an
// allocation ready for an appointment.
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { createBeneficiary } from '../helpers/beneficiaries.js';
import { rawSelect } from '../helpers/more-factories.js';
import { readyDevice } from '../helpers/workshop.js';

export interface SmsRow {
  id: number;
  topic: string;
  idempotency_key: string;
  recipient: string;
  payload: string;
  status: string;
  attempts: number;
  next_attempt_at: Date | string;
  last_error: string | null;
}

/** The sms channel's outbox rows, oldest first. */
export const smsRows = (): Promise<SmsRow[]> =>
  rawSelect<SmsRow>(
    `SELECT id, topic, idempotency_key, recipient, payload, status, attempts, next_attempt_at, last_error
       FROM outbox_messages WHERE channel = 'sms' ORDER BY id`,
  );

export const time = (v: Date | string): number => (v instanceof Date ? v : new Date(v)).getTime();

let phoneCounter = 0;
/** Every phone number the SMS tests gave a family (E.164), for the log scan. */
export const PHONES_USED: string[] = [];

/** A Saudi mobile number typed the local way, and its E.164 form. */
export function newPhone(): { local: string; e164: string } {
  phoneCounter += 1;
  const tail = String(4000 + phoneCounter).padStart(4, '0');
  const e164 = `+96655123${tail}`;
  PHONES_USED.push(e164);
  return { local: `055123${tail}`, e164 };
}

/** A family registered with `consent` (none when undefined), then moved to `status`; returns its id and phone. */
export async function family(
  token: string,
  consent: Record<string, unknown> | undefined,
  status: 'applied' | 'verified' | 'waitlisted' = 'applied',
  fields: Record<string, unknown> = {},
): Promise<{ id: number; phone: string }> {
  const phone = newPhone();
  const b = await createBeneficiary(
    token,
    { phone: phone.local, ...(consent ? { contactConsent: consent } : {}), ...fields },
    status,
  );
  return { id: b.id, phone: phone.e164 };
}

/** A reserved allocation of a ready device for beneficiary `beneficiaryId` (verified or waitlisted). */
export async function reservedAllocation(manager: string, tech: string, beneficiaryId: number): Promise<number> {
  const device = await readyDevice(tech);
  const res = await api()
    .post('/api/allocations')
    .set(bearer(manager))
    .send({ deviceId: device.id, beneficiaryId })
    .expect(201);
  return res.body.id as number;
}

/** A site with an Arabic and a Latin name, created over the API by an admin. */
export async function site(adminToken: string, code: string, name: string, nameLatin: string): Promise<number> {
  const res = await api().post('/api/sites').set(bearer(adminToken)).send({ code, name, nameLatin });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return res.body.id as number;
}

/** Next year's date at `hhmm` UTC on `monthDay` (MM-DD): always in the future, and printed with its year. */
export function nextYear(monthDay: string, hhmm: string): { iso: string; year: number } {
  const year = new Date().getUTCFullYear() + 1;
  return { iso: `${year}-${monthDay}T${hhmm}:00.000Z`, year };
}
