// Test data for the batch documents (spec §13): an institution and a partner association through the API, ready
// devices (through the workshop for a few, straight into the rows for a hundred), batches and their handover.
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { createDonation } from '../helpers/factories.js';
import { rawWrite } from '../helpers/more-factories.js';
import { withTransaction } from '../../server/db/sequelize.js';
import { createDevicesBulk } from '../../server/modules/devices/index.js';
import { rebuildFigures } from '../../server/modules/figures/index.js';
import type { BatchDto } from '../../server/shared/index.js';
import { binary } from './documents.helpers.js';
import { signatureDataUrl } from './signature-png.js';

export const INSTITUTION_NAME = 'مدرسة الفجر الابتدائية';
/** The institution's contact and the person who signs for a batch: people, never on a public page. */
export const CONTACT_PERSON = 'سعد القحطاني';
export const RECEIVER = 'فهد الدوسري';
export const PARTNER_NAME = 'جمعية البر بالخبر';

/** A verified school in Dammam (Eastern Province), created and verified through the API by a manager. */
export async function verifiedInstitution(token: string): Promise<{ id: number }> {
  const created = await api()
    .post('/api/beneficiaries')
    .set(bearer(token))
    .send({
      kind: 'institution',
      name: INSTITUTION_NAME,
      phone: '0138123456',
      city: 'الدمام',
      regionCode: 'SA-04',
      need: 'laptop',
      purpose: 'study',
      institution: {
        type: 'school',
        registrationNumber: 'MOE-44120',
        contactPerson: CONTACT_PERSON,
        requestedDevices: 150,
        justification: 'مختبر حاسوب لطلاب الصف السادس',
      },
    });
  expect(created.status, JSON.stringify(created.body)).to.equal(201);
  const verified = await api()
    .patch(`/api/beneficiaries/${created.body.id}`)
    .set(bearer(token))
    .send({ status: 'verified' });
  expect(verified.status, JSON.stringify(verified.body)).to.equal(200);
  return { id: created.body.id as number };
}

/** A partner association in Al Khobar, through the API. */
export async function partnerAssociation(token: string): Promise<{ id: number }> {
  const res = await api().post('/api/partners').set(bearer(token)).send({
    name: PARTNER_NAME,
    nameLatin: 'Al-Birr Association, Khobar',
    kind: 'association',
    city: 'الخبر',
    regionCode: 'SA-04',
    contactPerson: 'نورة الشمري',
    phone: '0551234567',
  });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return { id: res.body.id as number };
}

export async function createBatch(
  token: string,
  recipient: { beneficiaryId: number } | { partnerId: number },
  programmeId: number,
  deviceIds: number[],
): Promise<BatchDto> {
  const res = await api()
    .post('/api/allocation-batches')
    .set(bearer(token))
    .send({ recipient, programmeId, deviceIds });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return res.body as BatchDto;
}

export async function handOverBatch(
  token: string,
  batchId: number,
  body: Record<string, unknown> = {},
): Promise<BatchDto> {
  const res = await api()
    .post(`/api/allocation-batches/${batchId}/handover`)
    .set(bearer(token))
    .send({
      receivedBy: RECEIVER,
      signature: signatureDataUrl(),
      handedOverAt: '2026-11-23T10:00:00Z',
      accessories: ['charger', 'bag', 'other'],
      accessoriesNote: 'سماعات رأس',
      ...body,
    });
  expect(res.status, JSON.stringify(res.body)).to.equal(200);
  return res.body as BatchDto;
}

/**
 * `n` ready devices without drives (nothing to sanitize), taken in with one bulk intake and moved to `ready` in
 * the rows: the workshop's five requests per device would make a 120-device batch take minutes. Specs as a
 * hardware report leaves them. Returns their ids in tag order.
 */
export async function readyDevicesInBulk(n: number): Promise<number[]> {
  const donation = await createDonation();
  const created = await withTransaction((t) =>
    createDevicesBulk(
      donation.id,
      Array.from({ length: n }, (_, i) => ({
        type: 'laptop' as const,
        manufacturer: 'Dell',
        model: 'Latitude 5490',
        serialNumber: `DL${String(i + 1).padStart(5, '0')}`,
        cpu: 'Intel Core i5-8350U',
        ramGb: 8,
      })),
      null,
      t,
    ),
  );
  const ids = created.map((d) => d.id);
  await rawWrite(
    "UPDATE devices SET status = 'ready', grade = 'A', storage_summary = '256 GB SSD', os = 'Windows 11 Pro' WHERE id IN (:ids)",
    { ids },
  );
  // Written behind the lifecycle's back: the figures' read model learns of it as an operator's would.
  await rebuildFigures();
  return ids;
}

export const deliveryNote = (batchId: number, token: string) =>
  binary(api().get(`/api/allocation-batches/${batchId}/delivery-note.pdf`).set(bearer(token)));

export const batchCertificate = (batchId: number, token: string) =>
  binary(api().get(`/api/allocation-batches/${batchId}/certificate.pdf`).set(bearer(token)));
