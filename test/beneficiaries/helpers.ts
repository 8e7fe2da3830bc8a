// Beneficiary test data: built through the API (what is under test), then moved in time or status by raw SQL.
import { expect } from 'chai';
import { getSequelize, withTransaction } from '../../server/db/sequelize.js';
import { api, bearer } from '../helpers/api.js';
import type { BeneficiaryDto } from '../../server/modules/beneficiaries/index.js';

export const DAY_MS = 86_400_000;

/** A valid Saudi ID (first digit, 8 digits from `n`, Luhn check digit), computed independently of the code under test. */
export function saudiId(n: number, first: 1 | 2 = 1): string {
  const body = `${first}${String(n).padStart(8, '0')}`;
  for (let check = 0; check < 10; check += 1) {
    const digits = `${body}${check}`;
    let sum = 0;
    [...digits].reverse().forEach((c, i) => {
      const d = Number(c) * (i % 2 ? 2 : 1);
      sum += d > 9 ? d - 9 : d;
    });
    if (sum % 10 === 0) return digits;
  }
  throw new Error('unreachable');
}

let counter = 0;

/** The spec's example family, with a fresh ID and phone each time unless given. */
export function family(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    kind: 'family',
    name: 'أسرة العتيبي',
    nationalId: saudiId(counter + 1000),
    phone: `055${String(counter).padStart(7, '0')}`,
    city: 'الدمام',
    region: 'Eastern',
    householdSize: 6,
    monthlyIncome: 3000,
    schoolChildren: 3,
    need: 'laptop',
    purpose: 'business',
    ...overrides,
  };
}

export async function createBeneficiary(
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<BeneficiaryDto> {
  const res = await api().post('/api/beneficiaries').set(bearer(token)).send(family(overrides));
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return res.body as BeneficiaryDto;
}

export async function createPartner(
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: number; name: string }> {
  const res = await api()
    .post('/api/partners')
    .set(bearer(token))
    .send({ name: 'مركز الأسر المنتجة', kind: 'family_centre', city: 'الدمام', ...overrides });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return res.body as { id: number; name: string };
}

/** Writes status and/or the application date of a row directly (tests that need a waitlist in a given shape). */
export async function setRow(
  id: number,
  fields: { status?: string; appliedDaysAgo?: number; createdAt?: Date },
): Promise<void> {
  const createdAt =
    fields.createdAt ??
    (fields.appliedDaysAgo !== undefined ? new Date(Date.now() - fields.appliedDaysAgo * DAY_MS) : undefined);
  await withTransaction(async (transaction) => {
    const q = getSequelize();
    if (fields.status)
      await q.query('UPDATE beneficiaries SET status = :status WHERE id = :id', {
        replacements: { id, status: fields.status },
        transaction,
      });
    if (createdAt)
      await q.query('UPDATE beneficiaries SET created_at = :createdAt WHERE id = :id', {
        replacements: { id, createdAt },
        transaction,
      });
  });
}
