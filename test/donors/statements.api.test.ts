// The donor's yearly statement (spec §12, issue 17 point 5): issued by a manager's POST (numbered ST-<year>-NNNN,
// once per donor and year), read as a PDF by staff and on the donor's page, in the donor's language, with the
// year's devices, the people served by region, drives sanitized, kg and CO2e. Read back with pdftotext.
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { createDonor, signIn } from '../helpers/factories.js';
import { rawSelect, rawWrite, type ErrorBodyOf } from '../helpers/more-factories.js';
import { act, intake, QA_PASS, wipeAllDrives } from '../helpers/workshop.js';
import { pdfText, removeTestPdfs, requirePdfTools } from '../pdf/pdf.helpers.js';
import { binary, handedOver, pdfInfo, savePdf, setCharity } from '../documents/documents.helpers.js';
import type { DeviceDto, DonorStatementDto, FieldErrorDto } from '../../server/shared/index.js';

const YEAR = new Date().getUTCFullYear();
const SECRET_NAME = 'Leaky Family Name';

async function readyIn(token: string, donationId: number): Promise<DeviceDto> {
  let d = await intake(token, 1, donationId);
  d = await act(token, d, { action: 'triage', needsRepair: false, disposition: 'reuse' });
  await wipeAllDrives(token, d.id);
  d = await act(token, d, { action: 'complete_wipe' });
  return act(token, d, {
    action: 'refurbish',
    os: 'Windows 11 Pro',
    licence: 'oem_coa',
    windows11Eligible: true,
    grade: 'A',
    qa: QA_PASS,
  });
}

async function donationOf(token: string, donorId: number): Promise<{ id: number; code: string }> {
  const res = await api().post('/api/donations').set(bearer(token)).send({ donorId, channel: 'drop_off' }).expect(201);
  return res.body as { id: number; code: string };
}

/**
 * This year: one donation of three laptops (one handed over to a family in the Eastern Province, one to a student
 * in Makkah, one still at intake) and its drives wiped; last year (mid-2025): one donation of one laptop at intake.
 */
async function donorsYear(manager: string, language: 'ar' | 'en') {
  const donor = await createDonor({ name: 'شركة الخليج للتقنية' });
  await api().patch(`/api/donors/${donor.id}`).set(bearer(manager)).send({ preferredLanguage: language }).expect(200);
  const now = await donationOf(manager, donor.id);
  await handedOver(manager, {
    device: await readyIn(manager, now.id),
    beneficiary: { regionCode: 'SA-04', name: SECRET_NAME },
  });
  await handedOver(manager, {
    device: await readyIn(manager, now.id),
    beneficiary: { kind: 'student', regionCode: 'SA-02' },
  });
  await intake(manager, 1, now.id);
  const before = await donationOf(manager, donor.id);
  await intake(manager, 1, before.id);
  await rawWrite("UPDATE donations SET received_at = '2025-06-15 09:00:00' WHERE id = :id", { id: before.id });
  return { donor, now, before };
}

const issue = (token: string, donorId: number, body: unknown) =>
  api()
    .post(`/api/donors/${donorId}/statements`)
    .set(bearer(token))
    .send(body as object);
const staffPdf = (token: string, donorId: number, query: string) =>
  binary(api().get(`/api/donors/${donorId}/statement.pdf${query}`).set(bearer(token)));

describe('POST /api/donors/:id/statements (issuing a yearly statement)', () => {
  it('when a manager issues a year, answers 201 with ST-<year>-0001 and stores it; again, 200 with the same; the next donor gets 0002', async () => {
    const { user, token: manager } = await signIn('manager');
    const { token: admin } = await signIn('admin');
    const { donor } = await donorsYear(manager, 'en');
    const other = await createDonor({ name: 'Other Co' });
    const otherDonation = await donationOf(manager, other.id);
    await intake(manager, 0, otherDonation.id);

    const first = await issue(manager, donor.id, { year: YEAR }).expect(201);
    const again = await issue(admin, donor.id, { year: YEAR }).expect(200);
    const next = await issue(admin, other.id, { year: YEAR }).expect(201);

    const body = first.body as DonorStatementDto;
    expect(body).to.include({ donorId: donor.id, year: YEAR, number: `ST-${YEAR}-0001` });
    expect(again.body).to.deep.equal(body);
    expect(next.body.number).to.equal(`ST-${YEAR}-0002`);
    const rows = await rawSelect<{ donor_id: number; year: number; number: string; issued_by: number }>(
      'SELECT donor_id, year, number, issued_by FROM donor_statements ORDER BY id',
    );
    expect(rows.map((r) => ({ ...r, year: Number(r.year) }))).to.deep.equal([
      { donor_id: donor.id, year: YEAR, number: `ST-${YEAR}-0001`, issued_by: user.id },
      { donor_id: other.id, year: YEAR, number: `ST-${YEAR}-0002`, issued_by: rows[1].issued_by },
    ]);
  });

  it('when the same year is issued twice at once, both answers carry one number and one row is stored', async () => {
    const { token: manager } = await signIn('manager');
    const { donor } = await donorsYear(manager, 'ar');

    const answers = await Promise.all([1, 2, 3].map(() => issue(manager, donor.id, { year: YEAR })));

    expect(answers.map((a) => a.status).sort()).to.deep.equal([200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.number))).to.deep.equal(new Set([`ST-${YEAR}-0001`]));
    expect(await rawSelect('SELECT id FROM donor_statements')).to.have.length(1);
  });

  it('when no donation of the donor was received that year, answers 422 NOTHING_RECEIVED_IN_YEAR and stores nothing', async () => {
    const { token: manager } = await signIn('manager');
    const { donor } = await donorsYear(manager, 'ar');

    const res = await issue(manager, donor.id, { year: 2024 }).expect(422);

    expect((res.body as ErrorBodyOf).error.code).to.equal('NOTHING_RECEIVED_IN_YEAR');
    expect((res.body as ErrorBodyOf<{ years: number[] }>).error.details!.years).to.deep.equal([YEAR, 2025]);
    expect(await rawSelect('SELECT id FROM donor_statements')).to.deep.equal([]);
    await issue(manager, 999999, { year: YEAR }).expect(404);
  });

  it('when the year is missing or not a year, answers 400 naming year (issue, staff PDF and public PDF alike)', async () => {
    const { token: manager } = await signIn('manager');
    const donor = await createDonor();
    const [{ page_token: token }] = await rawSelect<{ page_token: string }>('SELECT page_token FROM donors');
    const bad: unknown[] = [{}, { year: 'abc' }, { year: 1999 }, { year: YEAR + 5 }, { year: 2025.5 }];
    for (const body of bad) {
      const res = await issue(manager, donor.id, body).expect(400);
      const details = (res.body as ErrorBodyOf<FieldErrorDto[]>).error.details!;
      expect(details.map((d) => d.path)).to.deep.equal(['year']);
    }
    for (const query of ['', '?year=abc', '?year=1999', `?year=${YEAR + 5}`]) {
      const staff = await api().get(`/api/donors/${donor.id}/statement.pdf${query}`).set(bearer(manager)).expect(400);
      expect(staff.body.error.details[0].path).to.equal('year');
      const pub = await api().get(`/donors/${token}/statement.pdf${query}`).expect(400);
      expect(pub.body.error.code).to.equal('VALIDATION_FAILED');
    }
    expect(await rawSelect('SELECT id FROM donor_statements')).to.deep.equal([]);
  });

  it('when a technician or a viewer issues, answers 403; a viewer may read an issued statement', async () => {
    const { token: manager } = await signIn('manager');
    const { donor } = await donorsYear(manager, 'en');
    for (const role of ['technician', 'viewer'] as const) {
      const { token } = await signIn(role);
      await issue(token, donor.id, { year: YEAR }).expect(403);
    }
    await issue(manager, donor.id, { year: YEAR }).expect(201);
    const { token: viewer } = await signIn('viewer');
    savePdf(await staffPdf(viewer, donor.id, `?year=${YEAR}`), 'statement-viewer');
  });
});

describe('GET /api/donors/:id/statement.pdf and /donors/:token/statement.pdf', () => {
  before(requirePdfTools);
  after(removeTestPdfs);
  beforeEach(async () => setCharity((await signIn('admin')).token));

  it('when the year was not issued, answers 404 saying so, on the API (JSON) and on the donor page (HTML)', async () => {
    const { token: manager } = await signIn('manager');
    const { donor } = await donorsYear(manager, 'en');
    const [{ page_token: token }] = await rawSelect<{ page_token: string }>(
      'SELECT page_token FROM donors WHERE id = :id',
      { id: donor.id },
    );

    const staff = await api()
      .get(`/api/donors/${donor.id}/statement.pdf?year=${YEAR}`)
      .set(bearer(manager))
      .expect(404);
    const pub = await api().get(`/donors/${token}/statement.pdf?year=${YEAR}`).expect(404);

    expect(staff.body.error.code).to.equal('NOT_FOUND');
    expect(staff.body.error.message).to.include(`No statement for ${YEAR} has been issued`);
    expect(staff.body.error.details).to.deep.equal({ year: YEAR, issued: false });
    expect(pub.headers['content-type']).to.match(/^text\/html/);
    expect(pub.text).to.include(`The statement for ${YEAR} has not been issued yet`);
    await api().get(`/api/donors/999999/statement.pdf?year=${YEAR}`).set(bearer(manager)).expect(404);
    expect(await rawSelect('SELECT id FROM donor_statements')).to.deep.equal([]);
  });

  it('when an English statement is read, it prints the number, year, devices, people by region, drives, kg and CO2e, never a beneficiary', async () => {
    const { token: manager } = await signIn('manager');
    const { donor, now, before } = await donorsYear(manager, 'en');
    await issue(manager, donor.id, { year: YEAR }).expect(201);

    const file = savePdf(await staffPdf(manager, donor.id, `?year=${YEAR}`), 'statement-en');

    const text = pdfText(file);
    expect(pdfInfo(file)).to.include({ Title: `Annual Donation Statement ST-${YEAR}-0001` });
    expect(text).to.include('Annual Donation Statement').and.include(`ST-${YEAR}-0001`).and.include(String(YEAR));
    expect(text).to.include('Nimah Computer Refurbishing Charity').and.include('LIC-4471');
    expect(text).to.include('Gulf Tech Co.').and.include('2050012345');
    expect(text).to.include(now.code).and.not.include(before.code);
    // The tiles, line by line: given 3, placed 2, families 1, students 1, drives 2; in progress 1, disposed 0,
    // 2 × 2 kg diverted, 2 × 200 kg CO2e.
    const layout = pdfText(file, 'layout');
    expect(layout)
      .to.match(/\b3 2 1 1 2\b/)
      .and.match(/\b1 0 4 ≈ 400\b/);
    // Captions agree with their count: one family, one student.
    expect(layout).to.match(/devices given devices placed family served student served drives sanitized/);
    expect(text).to.include('People served by region').and.include('Eastern Province').and.include('Makkah');
    expect(text).to.include('states no monetary value').and.include('counting placed devices only');
    expect(text).not.to.include(SECRET_NAME).and.not.include('أم خالد');
    expect(layout)
      .to.match(/Eastern Province\s+1\s+0/)
      .and.match(/Makkah\s+0\s+1/)
      .and.match(/Total\s+1\s+1/);
  });

  it('when an Arabic statement is read by its donor, it is in Arabic with the number, year and figures, and the same as staff get', async () => {
    const { token: manager } = await signIn('manager');
    const { donor } = await donorsYear(manager, 'ar');
    await issue(manager, donor.id, { year: YEAR }).expect(201);
    await issue(manager, donor.id, { year: 2025 }).expect(201);
    const [{ page_token: token }] = await rawSelect<{ page_token: string }>(
      'SELECT page_token FROM donors WHERE id = :id',
      { id: donor.id },
    );

    const file = savePdf(await binary(api().get(`/donors/${token}/statement.pdf?year=${YEAR}`)), 'statement-ar');
    const older = pdfText(savePdf(await binary(api().get(`/donors/${token}/statement.pdf?year=2025`)), 'st-2025'));

    const text = pdfText(file);
    expect(text).to.include('كشف التبرعات السنوي').and.include(`ST-${YEAR}-0001`).and.include(String(YEAR));
    expect(text).to.include('شركة الخليج للتقنية').and.include('المنطقة الشرقية').and.include('مكة المكرمة');
    // pdftotext splits words around Arabic vowel marks (domain notes §5): phrases without them are compared.
    expect(text).to.include('جهاز تبرعتم به').and.include('أسرة استفادت').and.include('طالب استفاد');
    expect(text).not.to.include('Annual Donation Statement').and.not.include(SECRET_NAME);
    expect(older).to.include(`ST-2025-0001`).and.include('أي جهاز من تبرعات هذا العام لمستفيد بعد');
    // The first line of tiles read left to right on the page: drives 2, students 1, families 1, placed 2, given 3.
    expect(pdfText(file, 'layout')).to.match(/\b2 1 1 2 3\b/);
    expect(pdfInfo(file)).to.include({ Title: `كشف التبرعات السنوي ST-${YEAR}-0001` });
  });
});
