// The public impact page and API (spec §11): off by default, opted into by an admin; aggregate counts by region and
// month only, exact right after a handover; cacheable by HTTP (ETag + Cache-Control) and never by the process;
// rate limited per address.
import { expect } from 'chai';
import request from 'supertest';
import { createApp } from '../../server/app.js';
import { config } from '../../server/config.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { handedOver } from '../documents/documents.helpers.js';
import type { PublicImpactDto } from '../../server/shared/index.js';

const publish = async (admin: string, on: boolean) =>
  api().patch('/api/settings').set(bearer(admin)).send({ publicImpact: on }).expect(200);

describe('public impact (GET /api/public/impact, /impact)', () => {
  let admin: string;
  let manager: string;
  beforeEach(async () => {
    admin = (await signIn('admin')).token;
    manager = (await signIn('manager')).token;
  });

  it('while the charity has not opted in, both answer 404 (the API in the error shape, the page as HTML)', async () => {
    const json = await api().get('/api/public/impact').expect(404);
    expect(json.body.error.code).to.equal('NOT_FOUND');
    const html = await api().get('/impact').expect(404);
    expect(html.type).to.equal('text/html');
    expect(html.text).to.contain('لا تنشر الجمعية أرقام أثرها');
  });

  it('only an admin may opt in: a manager gets 403 and nothing is published', async () => {
    await api().patch('/api/settings').set(bearer(manager)).send({ publicImpact: true }).expect(403);
    await api().get('/api/public/impact').expect(404);
  });

  it('once published, counts a handover by the region of the family and the month, exact right after it', async () => {
    await publish(admin, true);
    const before = (await api().get('/api/public/impact').expect(200)).body as PublicImpactDto;
    expect(before.totals).to.include({ devicesHandedOver: 0, families: 0, students: 0 });
    expect(before.months).to.have.length(12);

    const h = await handedOver(manager, {
      beneficiary: { regionCode: 'SA-04', name: 'أسرة أبو فهد السبيعي' },
      handedOverAt: `${before.months[11].month}-02T10:00:00Z`,
    });

    const after = (await api().get('/api/public/impact').expect(200)).body as PublicImpactDto;
    expect(after.totals).to.include({ devicesHandedOver: 1, families: 1, students: 0, devicesReceived: 1 });
    expect(after.regions).to.deep.equal([
      {
        regionCode: 'SA-04',
        nameAr: 'المنطقة الشرقية',
        nameEn: 'Eastern Province',
        nameFr: 'Province orientale',
        devicesHandedOver: 1,
        families: 1,
        students: 0,
        institutions: 0,
      },
    ]);
    expect(after.months[11]).to.deep.include({ devicesHandedOver: 1, served: 1, devicesReceived: 1 });
    // Aggregates only: no name, national ID, phone, tag, serial or certificate code anywhere in the answer.
    const text = JSON.stringify(after);
    for (const secret of ['أبو فهد', h.certificateCode, h.device.assetTag, h.device.serialNumber ?? 'x-none']) {
      expect(text).not.to.contain(secret);
    }
    expect(Object.keys(after).sort()).to.deep.equal(['charity', 'months', 'regions', 'totals']);

    const page = await api().get('/impact').expect(200);
    expect(page.type).to.equal('text/html');
    expect(page.text).to.contain('المنطقة الشرقية').and.to.contain('Eastern Province').and.not.to.contain('أبو فهد');
  });

  // Issue 20: French after Arabic with ?lang=fr, and by default once the charity's country is Morocco.
  it('in French (?lang=fr, or by default in Morocco): French words and region names, no English; 400 for another language', async () => {
    await publish(admin, true);
    await handedOver(manager, { beneficiary: { regionCode: 'SA-02' } });
    const english = [
      /\bserved\b/,
      /Impact to date/,
      /By region/,
      /Makkah/,
      /\bFamilies\b/,
      /handed over/,
      /our impact/,
    ];
    const expectFrench = (html: string) => {
      expect(html).to.contain('lang="fr"').and.not.contain('lang="en"');
      for (const words of ['Impact à ce jour', 'Par région', 'La Mecque', 'familles bénéficiaires', 'Région', 'Élèves'])
        expect(html).to.contain(words);
      expect(html).to.contain('Les douze derniers mois').and.contain('aucune donnée personnelle');
      expect(html).to.contain('مكة المكرمة');
      for (const word of english) expect(html, String(word)).to.not.match(word);
    };
    expectFrench((await api().get('/impact?lang=fr').expect(200)).text);
    const bad = await api().get('/impact?lang=de').expect(400);
    expect(bad.body.error.details[0]).to.include({ path: 'lang' });

    await api().patch('/api/settings').set(bearer(admin)).send({ country: 'MA' }).expect(200);
    expectFrench((await api().get('/impact').expect(200)).text);
    expect((await api().get('/impact?lang=en').expect(200)).text)
      .to.contain('Makkah')
      .and.not.contain('La Mecque');
    await publish(admin, false);
    const gone = await api().get('/impact').expect(404);
    expect(gone.text).to.contain('ne publie pas');
  });

  it('is cacheable by HTTP, not by the process: a strong ETag answers If-None-Match with 304 until a figure changes', async () => {
    await publish(admin, true);
    const first = await api().get('/api/public/impact').expect(200);
    expect(first.headers['cache-control']).to.equal('public, max-age=300');
    const etag: string = first.headers.etag;
    expect(etag).to.match(/^"[\w-]+"$/);

    await api().get('/api/public/impact').set('If-None-Match', etag).expect(304);

    await handedOver(manager);
    const changed = await api().get('/api/public/impact').set('If-None-Match', etag).expect(200);
    expect(changed.headers.etag).not.to.equal(etag);
    expect((changed.body as PublicImpactDto).totals.devicesHandedOver).to.equal(1);
  });

  it(`limits each address (${config.publicRateLimitPer15Min * 4} requests per 15 minutes), answering 429 RATE_LIMITED`, async function () {
    this.timeout(60_000);
    await publish(admin, true);
    const fresh = request(createApp());
    const limit = config.publicRateLimitPer15Min * 4;
    for (let i = 0; i < limit; i += 1) await fresh.get('/api/public/impact').expect(200);
    const res = await fresh.get('/api/public/impact');
    expect(res.status).to.equal(429);
    expect(res.body.error.code).to.equal('RATE_LIMITED');
  });

  it('when publishing is switched off again, both answer 404 at once', async () => {
    await publish(admin, true);
    await api().get('/impact').expect(200);
    await publish(admin, false);
    await api().get('/impact').expect(404);
    await api().get('/api/public/impact').expect(404);
  });
});
