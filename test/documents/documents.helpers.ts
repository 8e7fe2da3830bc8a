// Test data for the document tests, built through the API (workshop, beneficiaries, allocations), and PDF
// downloads written to the temp folder so that poppler (pdftotext, pdfinfo) and zbar can read them back.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import type { Response, Test } from 'supertest';
import { api, bearer } from '../helpers/api.js';
import { setAssetTagCounter } from '../helpers/more-factories.js';
import { readyDevice } from '../helpers/workshop.js';
import { saudiId } from '../beneficiaries/helpers.js';
import { testPdfDir } from '../pdf/pdf.helpers.js';
import { signatureDataUrl } from './signature-png.js';
import type { DeviceDto } from '../../server/shared/index.js';

export const FULL_NATIONAL_ID = '1000000008';
export const MASKED_NATIONAL_ID = '******0008';
export const BENEFICIARY_NAME = 'أسرة العتيبي';

/** Collects a binary body (supertest only buffers text and JSON by itself). */
export function binary(req: Test): Test {
  return req.buffer(true).parse((res, callback) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  });
}

let files = 0;

/** Writes a PDF response to the temp folder after checking what every PDF response must be; returns the path. */
export function savePdf(res: Response, name = 'doc'): string {
  expect(res.status, String(res.body)).to.equal(200);
  expect(res.headers['content-type']).to.match(/^application\/pdf/);
  expect(res.headers['content-disposition']).to.match(/^inline; filename="[A-Za-z0-9.-]+\.pdf"$/);
  const body = res.body as Buffer;
  expect(body.subarray(0, 4).toString('latin1')).to.equal('%PDF');
  files += 1;
  const file = path.join(testPdfDir(), `${name}-${files}.pdf`);
  writeFileSync(file, body);
  return file;
}

/** pdfinfo's fields (Title, Author, Pages, Page size, …). */
export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

/** How many images each page draws (pdfimages -list), e.g. the logo and the signature. */
export function imageCount(file: string): number {
  const out = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
  // Soft masks (the alpha of a PNG) are listed as images of their own: count only the pictures.
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim().split(/\s+/)[2] === 'image').length;
}

let people = 0;

/** A verified beneficiary, created and verified through the API by a manager. */
export async function verifiedBeneficiary(
  token: string,
  fields: Record<string, unknown> = {},
): Promise<{ id: number }> {
  people += 1;
  const body = {
    kind: 'family',
    name: BENEFICIARY_NAME,
    nationalId: saudiId(people + 5000),
    phone: `056${String(people).padStart(7, '0')}`,
    city: 'الدمام',
    region: 'Eastern',
    householdSize: 6,
    monthlyIncome: 3000,
    schoolChildren: 3,
    need: 'laptop',
    purpose: 'business',
    ...fields,
  };
  const created = await api().post('/api/beneficiaries').set(bearer(token)).send(body);
  expect(created.status, JSON.stringify(created.body)).to.equal(201);
  await api()
    .patch(`/api/beneficiaries/${created.body.id}`)
    .set(bearer(token))
    .send({ status: 'verified' })
    .expect(200);
  return { id: created.body.id as number };
}

export async function createProgramme(
  token: string,
  name = 'المرحلة الأولى',
  nameLatin = 'Phase 1',
): Promise<{ id: number }> {
  const res = await api().post('/api/programmes').set(bearer(token)).send({ name, nameLatin, targetFamilies: 2000 });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return { id: res.body.id as number };
}

export interface Handover {
  allocationId: number;
  certificateCode: string;
  device: DeviceDto;
  beneficiaryId: number;
}

export interface HandoverOptions {
  programmeId?: number;
  handedOverAt?: string;
  beneficiary?: Record<string, unknown>;
  device?: DeviceDto;
}

/** ready device → allocation → handover with a PNG signature; `token` must be a manager's. */
export async function handedOver(token: string, options: HandoverOptions = {}): Promise<Handover> {
  const device = options.device ?? (await readyDevice(token));
  const { id: beneficiaryId } = await verifiedBeneficiary(token, options.beneficiary);
  const allocation = await api()
    .post('/api/allocations')
    .set(bearer(token))
    .send({ deviceId: device.id, beneficiaryId, programmeId: options.programmeId });
  expect(allocation.status, JSON.stringify(allocation.body)).to.equal(201);
  const handover = await api()
    .post(`/api/allocations/${allocation.body.id}/handover`)
    .set(bearer(token))
    .send({
      receivedBy: 'أم خالد',
      signature: signatureDataUrl(),
      handedOverAt: options.handedOverAt ?? '2026-11-23T10:00:00Z',
    });
  expect(handover.status, JSON.stringify(handover.body)).to.equal(200);
  return { allocationId: allocation.body.id, certificateCode: handover.body.certificateCode, device, beneficiaryId };
}

/** The next device taken in gets tag NM000123, printed NM-000123. */
export const startTagsAt123 = (): Promise<void> => setAssetTagCounter(122);

/** Charity identity on the documents. */
export async function setCharity(token: string): Promise<void> {
  await api()
    .patch('/api/settings')
    .set(bearer(token))
    .send({
      charityNameLatin: 'Nimah Computer Refurbishing Charity',
      charityLicence: 'LIC-4471',
      charityAddress: 'الدمام، حي الشاطئ',
      charityPhone: '+966 13 812 3456',
    })
    .expect(200);
}
