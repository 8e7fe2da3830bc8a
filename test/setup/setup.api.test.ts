// The one-time setup (issue 22, spec §15): GET /api/setup, POST /api/setup with its token, locality, 403/409/422,
// and exactly one winner of two setups at once. Runs on SQLite and on MariaDB (DATABASE_URL).
import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { getSequelize } from '../../server/db/sequelize.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { ADMIN_PASSWORD, setupBody, startWithoutUsers } from './helpers.js';

const count = async (table: string): Promise<number> =>
  (
    await getSequelize().query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`, {
      type: QueryTypes.SELECT,
    })
  )[0].n * 1;

const settingKeys = async (): Promise<string[]> =>
  (await getSequelize().query<{ key: string }>('SELECT * FROM settings', { type: QueryTypes.SELECT })).map(
    (r) => r.key,
  );

describe('setup: the one-time setup (issue 22)', function () {
  let token: string;
  beforeEach(async function () {
    token = await startWithoutUsers();
  });

  it('GET /api/setup tells whether it is needed and whether the token is, and lists the regions; writes nothing', async function () {
    const before = await settingKeys();
    const local = await api().get('/api/setup').expect(200);
    expect(local.body).to.include({ needed: true, tokenRequired: false });
    expect(['SA', 'MA']).to.include(local.body.country);
    const codes = (local.body.regions as { code: string }[]).map((r) => r.code);
    expect(codes).to.include.members(['SA-01', 'MA-06']);
    const proxied = await api().get('/api/setup').set('X-Forwarded-For', '203.0.113.9').expect(200);
    expect(proxied.body.tokenRequired).to.equal(true);
    expect(await settingKeys()).to.deep.equal(before);
  });

  it('creates the charity, the admin and the programme, and ends signed in (the cookie works)', async function () {
    const res = await api().post('/api/setup').send(setupBody(token)).expect(201);
    expect(res.body.user).to.include({ email: 'admin@hope.example', role: 'admin', name: 'نورة العتيبي' });
    expect(res.body.token).to.be.a('string');
    const cookie = res.headers['set-cookie'] as unknown as string[];
    expect(cookie.join(';')).to.contain('nimah_session=');
    const me = await api().get('/api/auth/me').set('Cookie', cookie[0].split(';')[0]).expect(200);
    expect(me.body.email).to.equal('admin@hope.example');
    const settings = await api().get('/api/settings').set(bearer(res.body.token)).expect(200);
    expect(settings.body).to.include({
      charityName: 'جمعية الأمل الرقمي',
      charityNameLatin: 'Digital Hope Association',
      charityLicence: 'L-2026-118',
      country: 'SA',
      regionCode: 'SA-04',
      city: 'الدمام',
      demo: false,
    });
    const programmes = await api().get('/api/programmes').set(bearer(res.body.token)).expect(200);
    const list = (programmes.body.items ?? programmes.body) as { name: string; targetFamilies: number }[];
    expect(list.map((p) => [p.name, p.targetFamilies])).to.deep.equal([['المرحلة الأولى', 2000]]);
    // The admin signs in with the password chosen at setup, too.
    await api().post('/api/auth/login').send({ email: 'admin@hope.example', password: ADMIN_PASSWORD }).expect(200);
  });

  it('the token dies with the setup: every setup route answers 409 afterwards, with or without it', async function () {
    await api().post('/api/setup').send(setupBody(token)).expect(201);
    const again = await api().post('/api/setup').send(setupBody(token)).expect(409);
    expect(again.body.error.code).to.equal('ALREADY_SET_UP');
    await api().post('/api/setup').send(setupBody(undefined)).expect(409);
    expect((await api().get('/api/setup').expect(409)).body.error.code).to.equal('ALREADY_SET_UP');
    expect(await settingKeys()).not.to.include('setup.token');
    expect(await count('users')).to.equal(1);
  });

  it('a wrong token is refused with 403 SETUP_TOKEN_INVALID, even from this machine, and nothing is written', async function () {
    const res = await api()
      .post('/api/setup')
      .send(setupBody('0'.repeat(40)))
      .expect(403);
    expect(res.body.error.code).to.equal('SETUP_TOKEN_INVALID');
    expect(await count('users')).to.equal(0);
    expect(await count('programmes')).to.equal(0);
  });

  it('a request from this machine (loopback, no proxy) may leave the token out', async function () {
    await api().post('/api/setup').send(setupBody(undefined)).expect(201);
    expect(await count('users')).to.equal(1);
  });

  it('a request through a proxy (X-Forwarded-For) without the token is refused with 403; with it, it passes', async function () {
    for (const header of ['X-Forwarded-For', 'Forwarded', 'X-Real-IP']) {
      const res = await api().post('/api/setup').set(header, '203.0.113.9').send(setupBody(undefined)).expect(403);
      expect(res.body.error.code).to.equal('SETUP_TOKEN_INVALID');
    }
    expect(await count('users')).to.equal(0);
    await api().post('/api/setup').set('X-Forwarded-For', '203.0.113.9').send(setupBody(token)).expect(201);
  });

  it('a body it cannot use: 422 naming each field, nothing written (the token still works after)', async function () {
    const res = await api()
      .post('/api/setup')
      .send(
        setupBody(token, {
          charity: { nameAr: '', country: 'FR' },
          admin: { name: 'x', email: 'not-an-email', password: 'aaaaaaaaaaaaaaa' },
          programme: { name: 'P', targetFamilies: -1 },
        }),
      )
      .expect(422);
    expect(res.body.error.code).to.equal('VALIDATION_FAILED');
    const paths = (res.body.error.details as { path: string }[]).map((d) => d.path);
    expect(paths).to.include.members([
      'charity.nameAr',
      'charity.country',
      'admin.email',
      'admin.password',
      'programme.targetFamilies',
    ]);
    const region = await api()
      .post('/api/setup')
      .send(setupBody(token, { charity: { nameAr: 'جمعية', country: 'MA', regionCode: 'SA-01' } }))
      .expect(422);
    expect(region.body.error.details[0].path).to.equal('charity.regionCode');
    expect(await count('users')).to.equal(0);
    expect(await count('programmes')).to.equal(0);
    expect((await settingKeys()).sort()).to.deep.equal(['setup.token']);
    await api().post('/api/setup').send(setupBody(token)).expect(201);
  });

  it('two setups at once: exactly one 201 and one 409, exactly one user and one programme', async function () {
    const a = setupBody(token);
    const b = setupBody(token, {
      admin: { name: 'Other', email: 'other@hope.example', password: ADMIN_PASSWORD },
      programme: { name: 'Other programme', targetFamilies: 10 },
    });
    const [ra, rb] = await Promise.all([api().post('/api/setup').send(a), api().post('/api/setup').send(b)]);
    expect([ra.status, rb.status].sort()).to.deep.equal([201, 409]);
    expect((ra.status === 409 ? ra : rb).body.error.code).to.equal('ALREADY_SET_UP');
    expect(await count('users')).to.equal(1);
    expect(await count('programmes')).to.equal(1);
  });

  it('once a user exists (an unattended install), GET and POST answer 409', async function () {
    await signIn('admin');
    await api().get('/api/setup').expect(409);
    await api().post('/api/setup').send(setupBody(token)).expect(409);
  });
});
