// Beneficiaries for tests, created over the API (the national ID gets a valid Luhn check digit).
import { expect } from 'chai';
import { api, bearer } from './api.js';

let counter = 0;

/** A valid Saudi national ID: 10 digits, starting with 1, ending with its Luhn check digit. */
export function saudiId(n: number): string {
  const body = `1${String(n).padStart(8, '0')}`;
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

export async function createBeneficiary(
  token: string,
  fields: Record<string, unknown> = {},
  status: 'applied' | 'verified' | 'waitlisted' = 'verified',
): Promise<{ id: number; nationalId: string; name: string }> {
  counter += 1;
  const nationalId = saudiId(counter + 1000);
  const name = (fields.name as string) ?? `أسرة رقم ${counter}`;
  const res = await api()
    .post('/api/beneficiaries')
    .set(bearer(token))
    .send({
      kind: 'family',
      name,
      nationalId,
      phone: `05012${String(counter).padStart(5, '0')}`,
      city: 'الدمام',
      region: 'Eastern',
      householdSize: 6,
      monthlyIncome: 3000,
      schoolChildren: 3,
      need: 'laptop',
      purpose: 'business',
      ...fields,
    });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  if (status !== 'applied')
    await api().patch(`/api/beneficiaries/${res.body.id}`).set(bearer(token)).send({ status: 'verified' }).expect(200);
  if (status === 'waitlisted')
    await api()
      .patch(`/api/beneficiaries/${res.body.id}`)
      .set(bearer(token))
      .send({ status: 'waitlisted' })
      .expect(200);
  return { id: res.body.id, nationalId, name };
}

export const SIGNATURE_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
