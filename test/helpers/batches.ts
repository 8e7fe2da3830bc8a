// Institutions, partners and batches for tests, created over the API (spec §13).
import { expect } from 'chai';
import { api, bearer } from './api.js';
import { SIGNATURE_PNG } from './beneficiaries.js';
import { readyDevice } from './workshop.js';
import type { BatchDto, DeviceDto } from '../../server/shared/index.js';

let counter = 0;

/** A school asking for devices, created and verified by a manager. */
export async function verifiedInstitution(
  token: string,
  fields: Record<string, unknown> = {},
  institution: Record<string, unknown> = {},
): Promise<{ id: number; name: string }> {
  counter += 1;
  const name = (fields.name as string) ?? `مدرسة الأمل الرقمية ${counter}`;
  const res = await api()
    .post('/api/beneficiaries')
    .set(bearer(token))
    .send({
      kind: 'institution',
      name,
      phone: `05013${String(counter).padStart(5, '0')}`,
      city: 'الدمام',
      regionCode: 'SA-04',
      need: 'laptop',
      purpose: 'study',
      institution: {
        type: 'school',
        registrationNumber: `REG-${Date.now()}-${counter}`,
        contactPerson: 'أ. نورة الشمري',
        requestedDevices: 30,
        justification: 'معمل حاسب لطالبات المرحلة المتوسطة',
        ...institution,
      },
      ...fields,
    });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  await api().patch(`/api/beneficiaries/${res.body.id}`).set(bearer(token)).send({ status: 'verified' }).expect(200);
  return { id: res.body.id as number, name };
}

/** A partner association, created by a manager. */
export async function createPartnerOrg(token: string, name = 'جمعية البر الخيرية'): Promise<{ id: number }> {
  counter += 1;
  const res = await api()
    .post('/api/partners')
    .set(bearer(token))
    .send({ name: `${name} ${counter}`, kind: 'association', city: 'الخبر', regionCode: 'SA-04' });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return { id: res.body.id as number };
}

export async function readyDevices(token: string, n: number): Promise<DeviceDto[]> {
  const devices: DeviceDto[] = [];
  for (let i = 0; i < n; i += 1) devices.push(await readyDevice(token));
  return devices;
}

export async function createBatch(
  token: string,
  body: { recipient: { beneficiaryId: number } | { partnerId: number }; programmeId: number; deviceIds: number[] },
): Promise<BatchDto> {
  const res = await api().post('/api/allocation-batches').set(bearer(token)).send(body);
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return res.body as BatchDto;
}

export async function handOverBatch(
  token: string,
  batchId: number,
  extra: Record<string, unknown> = {},
): Promise<BatchDto> {
  const res = await api()
    .post(`/api/allocation-batches/${batchId}/handover`)
    .set(bearer(token))
    .send({ receivedBy: 'أ. نورة الشمري', signature: SIGNATURE_PNG, accessories: ['charger', 'bag'], ...extra });
  expect(res.status, JSON.stringify(res.body)).to.equal(200);
  return res.body as BatchDto;
}
