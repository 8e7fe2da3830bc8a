// The donor's page behind its secret link (spec §12, issue 17 point 5): the token (who sees the link, rotation and
// the old link's 410), and the page itself in the donor's language (Arabic right to left, English, French).
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { createDonor, signIn } from '../helpers/factories.js';
import { rawSelect, rawWrite } from '../helpers/more-factories.js';
import { intake } from '../helpers/workshop.js';
import { getSequelize } from '../../server/db/sequelize.js';
import { snapshot } from '../security/data-snapshot.js';
import { up as addDonorPageTokens } from '../../migrations/2026.12.06T00.00.27.donor-page-tokens.js';
import type { DonorDetailDto, DonorDto, Page } from '../../server/shared/index.js';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const tokenOf = (pageUrl: string | undefined): string => String(pageUrl ?? '').split('/donors/')[1] ?? '';

async function storedToken(donorId: number): Promise<string> {
  const [row] = await rawSelect<{ page_token: string }>('SELECT page_token FROM donors WHERE id = :donorId', {
    donorId,
  });
  return row.page_token;
}

/** A donor with one received donation holding two devices, and a pledge not yet received. */
async function donorWithDonations(manager: string, language: 'ar' | 'en' = 'ar') {
  const donor = await createDonor({ name: 'شركة الخليج للتقنية' });
  await api().patch(`/api/donors/${donor.id}`).set(bearer(manager)).send({ preferredLanguage: language }).expect(200);
  const received = await api()
    .post('/api/donations')
    .set(bearer(manager))
    .send({ donorId: donor.id, channel: 'drop_off' })
    .expect(201);
  await intake(manager, 1, received.body.id);
  await intake(manager, 0, received.body.id);
  const pickup = await api()
    .post('/api/donations')
    .set(bearer(manager))
    .send({ donorId: donor.id, channel: 'pickup' })
    .expect(201);
  const [receivedRow, pickupRow] = await rawSelect<{ code: string; receipt_token: string }>(
    'SELECT code, receipt_token FROM donations WHERE donor_id = :donorId ORDER BY id',
    { donorId: donor.id },
  );
  return { donor, received: { ...receivedRow, id: received.body.id }, pickup: { ...pickupRow, id: pickup.body.id } };
}

describe("donors: the donor's page link", () => {
  it('when a donor is created, stores a 256-bit token; managers and admins get pageUrl on one donor, never in lists', async () => {
    const { token: tech } = await signIn('technician');
    const { token: manager } = await signIn('manager');
    const { token: admin } = await signIn('admin');
    const { token: viewer } = await signIn('viewer');

    const created = await api()
      .post('/api/donors')
      .set(bearer(tech))
      .send({ kind: 'individual', name: 'سارة', phone: '0551234567' })
      .expect(201);

    const token = await storedToken(created.body.id);
    expect(token).to.match(TOKEN);
    expect(created.body).not.to.have.property('pageUrl');
    for (const who of [manager, admin]) {
      const detail = (await api().get(`/api/donors/${created.body.id}`).set(bearer(who)).expect(200))
        .body as DonorDetailDto;
      expect(detail.pageUrl).to.equal(`http://nimah.test/donors/${token}`);
      const list = (await api().get('/api/donors').set(bearer(who)).expect(200)).body as Page<DonorDto>;
      expect(list.items[0]).not.to.have.property('pageUrl');
    }
    for (const who of [tech, viewer]) {
      const detail = await api().get(`/api/donors/${created.body.id}`).set(bearer(who)).expect(200);
      expect(detail.body).not.to.have.property('pageUrl');
      expect(JSON.stringify(detail.body)).not.to.contain(token);
    }
  });

  it('when a manager rotates the token, the old link answers 410 "replaced", the new link the page, and the old token is kept as retired', async () => {
    const { user, token: manager } = await signIn('manager');
    const { donor } = await donorWithDonations(manager);
    const old = await storedToken(donor.id);
    await api().get(`/donors/${old}`).expect(200);

    const res = await api().post(`/api/donors/${donor.id}/page-token/rotate`).set(bearer(manager)).expect(200);

    const fresh = tokenOf((res.body as DonorDto).pageUrl);
    expect(fresh).to.match(TOKEN).and.not.equal(old);
    expect(await storedToken(donor.id)).to.equal(fresh);
    const retired = await rawSelect<{ donor_id: number; token: string; retired_by: number }>(
      'SELECT donor_id, token, retired_by FROM donor_retired_page_tokens',
    );
    expect(retired).to.deep.equal([{ donor_id: donor.id, token: old, retired_by: user.id }]);
    const gone = await api().get(`/donors/${old}`).expect(410);
    expect(gone.headers['content-type']).to.match(/^text\/html/);
    expect(gone.text).to.include('This link was replaced').and.include('ask the charity for the new link');
    expect(gone.text).not.to.include(donor.name);
    await api().get(`/donors/${old}/statement.pdf?year=2026`).expect(410);
    const page = await api().get(`/donors/${fresh}`).expect(200);
    expect(page.text).to.include('شركة الخليج للتقنية');
  });

  it('when a technician or a viewer rotates, answers 403 and keeps the token; an unknown donor gives 404', async () => {
    const { token: manager } = await signIn('manager');
    const donor = await createDonor();
    const before = await storedToken(donor.id);
    for (const role of ['technician', 'viewer'] as const) {
      const { token } = await signIn(role);
      await api().post(`/api/donors/${donor.id}/page-token/rotate`).set(bearer(token)).expect(403);
    }
    const missing = await api().post('/api/donors/999999/page-token/rotate').set(bearer(manager)).expect(404);
    expect(missing.body.error.code).to.equal('NOT_FOUND');
    expect(await storedToken(donor.id)).to.equal(before);
    expect(await rawSelect('SELECT id FROM donor_retired_page_tokens')).to.deep.equal([]);
  });

  it('when a manager rotates twice at once, both succeed, each retiring the token the other left', async () => {
    const { token: manager } = await signIn('manager');
    const donor = await createDonor();
    const first = await storedToken(donor.id);

    const answers = await Promise.all(
      [1, 2].map(() => api().post(`/api/donors/${donor.id}/page-token/rotate`).set(bearer(manager))),
    );

    expect(answers.map((a) => a.status)).to.deep.equal([200, 200]);
    const retired = (await rawSelect<{ token: string }>('SELECT token FROM donor_retired_page_tokens')).map(
      (r) => r.token,
    );
    const now = await storedToken(donor.id);
    expect(retired).to.have.length(2).and.include(first).and.not.include(now);
    expect(answers.map((a) => tokenOf(a.body.pageUrl))).to.include(now);
  });
});

describe('migration 27 (donor page tokens)', () => {
  it('when it runs again over donors without a token, gives each its own and keeps the tokens there are', async () => {
    const [a, b, c] = [await createDonor(), await createDonor(), await createDonor()];
    const kept = await storedToken(c.id);
    await rawWrite('UPDATE donors SET page_token = NULL WHERE id IN (:ids)', { ids: [a.id, b.id] });
    const run = () => addDonorPageTokens({ name: 'again', path: '', context: getSequelize().getQueryInterface() });

    await run();
    await run();

    const [ta, tb] = [await storedToken(a.id), await storedToken(b.id)];
    expect(ta).to.match(TOKEN);
    expect(tb).to.match(TOKEN).and.not.equal(ta);
    expect(await storedToken(c.id)).to.equal(kept);
  });
});

describe("GET /donors/:token (the donor's page)", () => {
  it('when the donor reads Arabic, the page is lang=ar dir=rtl and lists every donation with its status, devices and receipt link', async () => {
    const { token: manager } = await signIn('manager');
    const { donor, received, pickup } = await donorWithDonations(manager, 'ar');

    const res = await api()
      .get(`/donors/${await storedToken(donor.id)}`)
      .expect(200);

    expect(res.headers['content-type']).to.match(/^text\/html/);
    expect(res.headers['cache-control']).to.equal('no-store');
    expect(res.text).to.match(/<html lang="ar" dir="rtl">/);
    expect(res.text).to.include('صفحة المتبرع').and.include('شركة الخليج للتقنية');
    expect(res.text).to.include(received.code).and.include(pickup.code);
    expect(res.text).to.include(`href="/receipts/${received.receipt_token}"`);
    expect(res.text).to.include(`href="/receipts/${pickup.receipt_token}"`);
    expect(res.text).to.include('استُلم').and.include('موعد الاستلام محدد');
    expect(res.text)
      .to.match(/<td class="n">2<\/td>/)
      .and.match(/<td class="n">0<\/td>/);
    const year = new Date().getUTCFullYear();
    expect(res.text).to.include(`كشف عام ${year}`).and.include('لم يصدر بعد');
    // The donor's own page shows no contact detail (the factory's donor has both).
    expect(res.text).not.to.include('csr@gulftech.example').and.not.to.include('501234567');
  });

  it('when the donor reads English, the page is lang=en dir=ltr, in English, and links an issued statement', async () => {
    const { token: manager } = await signIn('manager');
    const { donor, received } = await donorWithDonations(manager, 'en');
    const year = new Date().getUTCFullYear();
    const issued = await api()
      .post(`/api/donors/${donor.id}/statements`)
      .set(bearer(manager))
      .send({ year })
      .expect(201);
    const token = await storedToken(donor.id);

    const res = await api().get(`/donors/${token}`).expect(200);

    expect(res.text).to.match(/<html lang="en" dir="ltr">/);
    expect(res.text).to.include('<title>Your donations</title>').and.include('Gulf Tech Co.');
    expect(res.text).to.include(received.code).and.include('Received').and.include('Pickup scheduled');
    expect(res.text).to.include('View the receipt').and.include(`Statement for ${year}`);
    expect(res.text).to.include(issued.body.number);
    expect(res.text).to.include(`href="/donors/${token}/statement.pdf?year=${year}"`);
    expect(res.text).not.to.include('صفحة المتبرع').and.not.include('عرض الإيصال').and.not.include('الأجهزة');
  });

  it('when the donor is stored with French, the page says lang=fr dir=ltr in French', async () => {
    const { token: manager } = await signIn('manager');
    const { donor } = await donorWithDonations(manager, 'en');
    await rawWrite("UPDATE donors SET preferred_language = 'fr' WHERE id = :id", { id: donor.id });

    const res = await api()
      .get(`/donors/${await storedToken(donor.id)}`)
      .expect(200);

    expect(res.text).to.match(/<html lang="fr" dir="ltr">/);
    expect(res.text).to.include('Vos dons').and.include('Voir le reçu').and.include('Collecte prévue');
  });

  it('when the token is unknown (or differs in case), answers a 404 page; a path that is no token is left to the client', async () => {
    const unknown = await api()
      .get(`/donors/${'A'.repeat(43)}`)
      .expect(404);
    expect(unknown.headers['content-type']).to.match(/^text\/html/);
    expect(unknown.text).to.include('This link does not lead to a donor');
    // The same token but for the case of its letters (MariaDB's collation would match it): unknown as well.
    const token = await storedToken((await createDonor()).id);
    const swapped = token.replace(/[a-z]/gi, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));
    await api().get(`/donors/${token}`).expect(200);
    await api().get(`/donors/${swapped}`).expect(404);

    // The staff client's own /donors/12 and /donors/new (no client build in tests: the JSON 404 of no route).
    for (const path of ['/donors/12', '/donors/new']) {
      const res = await api().get(path);
      expect(res.text).not.to.include('does not lead to a donor');
    }
  });

  it('when the page and a statement PDF are read, nothing is written', async () => {
    const { token: manager } = await signIn('manager');
    const { donor } = await donorWithDonations(manager, 'en');
    const year = new Date().getUTCFullYear();
    await api().post(`/api/donors/${donor.id}/statements`).set(bearer(manager)).send({ year }).expect(201);
    const token = await storedToken(donor.id);
    const before = await snapshot(getSequelize());

    await api().get(`/donors/${token}`).expect(200);
    await api().get(`/donors/${token}/statement.pdf?year=${year}`).expect(200);
    await api()
      .get(`/donors/${token}/statement.pdf?year=${year - 1}`)
      .expect(404);
    await api().get(`/api/donors/${donor.id}/statement.pdf?year=${year}`).set(bearer(manager)).expect(200);

    expect(await snapshot(getSequelize())).to.deep.equal(before);
  });
});
