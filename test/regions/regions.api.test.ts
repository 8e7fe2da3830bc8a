// Regions as a reference list over HTTP (spec §11): GET /api/regions, and `regionCode` + `city` on sites, partners
// and beneficiaries (one of the ISO 3166-2 codes or null; anything else is a 400 naming the field).
import { expect } from 'chai';
import type { Test } from 'supertest';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { rawSelect } from '../helpers/more-factories.js';
import { createBeneficiary, family } from '../beneficiaries/helpers.js';
import type { RegionWithCitiesDto } from '../../server/shared/index.js';

interface ErrorBody {
  error: { code: string; details?: { path: string; type?: string }[]; requestId: string };
}

/** The request answers 400 VALIDATION_FAILED naming regionCode, with joi's type any.only. */
async function refusesRegion(req: Test): Promise<void> {
  const res = await req;
  expect(res.status, JSON.stringify(res.body)).to.equal(400);
  const body = res.body as ErrorBody;
  expect(body.error.code).to.equal('VALIDATION_FAILED');
  expect(body.error.requestId).to.be.a('string');
  expect(body.error.details!.map((d) => [d.path, d.type])).to.deep.equal([['regionCode', 'any.only']]);
}

const storedRegion = async (table: string, id: number) =>
  (
    await rawSelect<{ region_code: string | null; city: string | null }>(
      `SELECT region_code, city FROM ${table} WHERE id = :id`,
      { id },
    )
  )[0];

describe('regions API', () => {
  describe('GET /api/regions', () => {
    it('when any signed-in role asks, lists the 25 regions with names in three languages and their main cities, cacheable', async () => {
      const viewer = await signIn('viewer');
      const res = await api().get('/api/regions').set(bearer(viewer.token)).expect(200);
      const list = res.body as RegionWithCitiesDto[];
      expect(list).to.have.length(25);
      expect(list.filter((r) => r.country === 'SA')).to.have.length(13);
      const riyadh = list.find((r) => r.code === 'SA-01')!;
      expect(riyadh).to.deep.include({ country: 'SA', nameAr: 'الرياض', nameEn: 'Riyadh', nameFr: 'Riyad' });
      expect(riyadh.cities[0]).to.deep.equal({ nameAr: 'الرياض', nameEn: 'Riyadh', nameFr: 'Riyad' });
      expect(list.find((r) => r.code === 'MA-06')!.cities.map((c) => c.nameFr)).to.include('Casablanca');
      expect(res.headers['cache-control']).to.equal('private, max-age=86400');
      expect(res.headers['content-type']).to.match(/^application\/json/);
      const etag = res.headers.etag;
      expect(etag).to.match(/^"[\w-]+"$/);
      const again = await api().get('/api/regions').set(bearer(viewer.token)).set('If-None-Match', etag);
      expect(again.status).to.equal(304);
    });

    it('when nobody is signed in, answers 401', async () => {
      await api().get('/api/regions').expect(401);
    });
  });

  describe('sites', () => {
    it('when created and patched with a region code, returns and stores it; null clears it', async () => {
      const admin = await signIn('admin');
      const created = await api()
        .post('/api/sites')
        .set(bearer(admin.token))
        .send({ code: 'DMM-2', name: 'فرع الدمام', city: 'الخبر', regionCode: 'SA-04' })
        .expect(201);
      expect(created.body).to.deep.include({ city: 'الخبر', regionCode: 'SA-04' });
      expect(await storedRegion('sites', created.body.id)).to.deep.equal({ region_code: 'SA-04', city: 'الخبر' });

      const moved = await api()
        .patch(`/api/sites/${created.body.id}`)
        .set(bearer(admin.token))
        .send({ regionCode: 'MA-06', city: 'Casablanca' })
        .expect(200);
      expect(moved.body).to.deep.include({ city: 'Casablanca', regionCode: 'MA-06' });
      const list = await api().get('/api/sites').set(bearer(admin.token)).expect(200);
      expect(list.body.find((s: { id: number }) => s.id === created.body.id).regionCode).to.equal('MA-06');

      await api()
        .patch(`/api/sites/${created.body.id}`)
        .set(bearer(admin.token))
        .send({ regionCode: null })
        .expect(200);
      expect((await storedRegion('sites', created.body.id)).region_code).to.equal(null);
    });

    it('when the region code is not one of the list (or not in its exact form), answers 400 naming regionCode and stores nothing', async () => {
      const admin = await signIn('admin');
      await refusesRegion(
        api().post('/api/sites').set(bearer(admin.token)).send({ code: 'X-1', name: 'x', regionCode: 'SA-13' }),
      );
      const site = await api().post('/api/sites').set(bearer(admin.token)).send({ code: 'X-2', name: 'x' }).expect(201);
      expect(site.body.regionCode).to.equal(null);
      for (const regionCode of ['sa-01', 'Riyadh', 7, ''])
        await refusesRegion(api().patch(`/api/sites/${site.body.id}`).set(bearer(admin.token)).send({ regionCode }));
      expect((await storedRegion('sites', site.body.id)).region_code).to.equal(null);
    });
  });

  describe('partners', () => {
    it('when created and patched with a region code and city, returns and stores them', async () => {
      const manager = await signIn('manager');
      const created = await api()
        .post('/api/partners')
        .set(bearer(manager.token))
        .send({ name: 'جمعية البر', kind: 'association', city: 'جدة', regionCode: 'SA-02' })
        .expect(201);
      expect(created.body).to.deep.include({ city: 'جدة', regionCode: 'SA-02' });
      expect(await storedRegion('partners', created.body.id)).to.deep.equal({ region_code: 'SA-02', city: 'جدة' });

      const patched = await api()
        .patch(`/api/partners/${created.body.id}`)
        .set(bearer(manager.token))
        .send({ regionCode: 'SA-01', city: 'الخرج' })
        .expect(200);
      expect(patched.body).to.deep.include({ name: 'جمعية البر', city: 'الخرج', regionCode: 'SA-01' });
      const list = await api().get('/api/partners').set(bearer(manager.token)).expect(200);
      expect(list.body.items[0]).to.deep.include({ id: created.body.id, regionCode: 'SA-01' });
    });

    it('when the region code is unknown, answers 400 naming regionCode; an unknown partner is a 404', async () => {
      const manager = await signIn('manager');
      await refusesRegion(
        api().post('/api/partners').set(bearer(manager.token)).send({ name: 'x', kind: 'school', regionCode: 'MA-13' }),
      );
      expect(await rawSelect('SELECT id FROM partners')).to.deep.equal([]);
      const res = await api()
        .patch('/api/partners/999999')
        .set(bearer(manager.token))
        .send({ regionCode: 'SA-01' })
        .expect(404);
      expect(res.body.error.code).to.equal('NOT_FOUND');
    });
  });

  describe('beneficiaries', () => {
    it('when registered and patched with a region code, returns and stores it; the legacy free text stays as typed', async () => {
      const manager = await signIn('manager');
      const b = await createBeneficiary(manager.token, { regionCode: 'SA-04', city: 'الدمام' });
      expect(b).to.deep.include({ regionCode: 'SA-04', city: 'الدمام', region: 'Eastern' });
      expect(await storedRegion('beneficiaries', b.id)).to.deep.equal({ region_code: 'SA-04', city: 'الدمام' });

      const patched = await api()
        .patch(`/api/beneficiaries/${b.id}`)
        .set(bearer(manager.token))
        .send({ regionCode: 'SA-02', city: 'جدة' })
        .expect(200);
      expect(patched.body).to.deep.include({ regionCode: 'SA-02', city: 'جدة' });
      const audit = await api().get(`/api/beneficiaries/${b.id}/audit`).set(bearer(manager.token)).expect(200);
      const updated = (audit.body.items as { action: string; fields: string[] }[]).filter(
        (a) => a.action === 'updated',
      );
      expect(updated.map((a) => [...a.fields].sort())).to.deep.equal([['city', 'regionCode']]);
    });

    it('when registered without one, the region code is null (the legacy text is not guessed from)', async () => {
      const manager = await signIn('manager');
      const b = await createBeneficiary(manager.token);
      expect(b).to.deep.include({ regionCode: null, region: 'Eastern' });
    });

    it('when the region code is unknown, answers 400 naming regionCode on create and patch', async () => {
      const manager = await signIn('manager');
      await refusesRegion(
        api()
          .post('/api/beneficiaries')
          .set(bearer(manager.token))
          .send(family({ regionCode: 'Eastern' })),
      );
      const b = await createBeneficiary(manager.token, { regionCode: 'MA-06' });
      await refusesRegion(
        api().patch(`/api/beneficiaries/${b.id}`).set(bearer(manager.token)).send({ regionCode: 'XX-01' }),
      );
      expect((await storedRegion('beneficiaries', b.id)).region_code).to.equal('MA-06');
    });
  });
});
