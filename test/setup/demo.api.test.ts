// The demo on request (issue 22, point 3): the setup's `demo: true` loads it, GET /api/settings says so, and
// DELETE /api/settings/demo (admins) removes exactly it: real records entered after the setup stay.
import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { getSequelize } from '../../server/db/sequelize.js';
import { api, bearer } from '../helpers/api.js';
import { createDonation, signIn } from '../helpers/factories.js';
import { postDevice, rawSelect } from '../helpers/more-factories.js';
import { pdfText, removeTestPdfs, requirePdfTools } from '../pdf/pdf.helpers.js';
import { binary, savePdf } from '../documents/documents.helpers.js';
import { setupBody, startWithoutUsers } from './helpers.js';

const count = async (sql: string): Promise<number> =>
  Number((await getSequelize().query<{ n: number }>(sql, { type: QueryTypes.SELECT }))[0].n);

describe('setup: the demo data on request', function () {
  this.timeout(180_000);

  it('loads with the setup, is flagged, and its removal leaves the real records', async function () {
    const token = await startWithoutUsers();
    const res = await api()
      .post('/api/setup')
      .send(setupBody(token, { demo: true }))
      .expect(201);
    expect(res.body.demoLoaded).to.equal(true);
    const admin = bearer(res.body.token);
    expect((await api().get('/api/settings').set(admin).expect(200)).body.demo).to.equal(true);
    expect(await count("SELECT COUNT(*) AS n FROM donations WHERE notes LIKE 'Demo lot %'")).to.be.greaterThan(0);
    expect(await count('SELECT COUNT(*) AS n FROM devices')).to.be.greaterThan(100);
    expect(await count('SELECT COUNT(*) AS n FROM beneficiaries')).to.be.greaterThan(0);
    // The demo accounts exist but their published password does not open them on a set-up server.
    await api()
      .post('/api/auth/login')
      .send({ email: 'tech@nimah.example', password: 'nimah-demo-password' })
      .expect(401);

    // Real records, entered after the setup: a donor, a donation with its device.
    const donor = await api()
      .post('/api/donors')
      .set(admin)
      .send({ kind: 'company', name: 'شركة حقيقية للتقنية', phone: '0501234567' })
      .expect(201);
    const real = await api()
      .post('/api/donations')
      .set(admin)
      .send({ donorId: donor.body.id, channel: 'drop_off', notes: 'real lot' })
      .expect(201);
    const device = await postDevice(res.body.token, real.body.id, { type: 'laptop' });
    expect(device.status, JSON.stringify(device.body)).to.equal(201);

    // Other roles may not remove it.
    const { token: manager } = await signIn('manager');
    await api().delete('/api/settings/demo').set(bearer(manager)).expect(403);

    const removed = await api().delete('/api/settings/demo').set(admin).expect(200);
    expect(removed.body.devices).to.be.greaterThan(100);
    expect(removed.body.donations).to.be.greaterThan(0);
    expect(removed.body.beneficiaries).to.be.greaterThan(0);
    expect(removed.body.programmes).to.equal(1);
    expect(await count("SELECT COUNT(*) AS n FROM donations WHERE notes LIKE 'Demo lot %'")).to.equal(0);
    expect(await count('SELECT COUNT(*) AS n FROM beneficiaries')).to.equal(0);
    expect((await api().get('/api/settings').set(admin).expect(200)).body.demo).to.equal(false);
    // What is real stays: the admin, the manager, the first programme, the donor, the donation and its device.
    expect(await count('SELECT COUNT(*) AS n FROM users')).to.equal(2);
    const programmes = await api().get('/api/programmes').set(admin).expect(200);
    const list = (programmes.body.items ?? programmes.body) as { name: string }[];
    expect(list.map((p) => p.name)).to.deep.equal(['المرحلة الأولى']);
    await api().get(`/api/donors/${donor.body.id}`).set(admin).expect(200);
    expect(await count("SELECT COUNT(*) AS n FROM donations WHERE notes = 'real lot'")).to.equal(1);
    expect(await count('SELECT COUNT(*) AS n FROM devices')).to.equal(1);
    await api().get(`/api/devices/${device.body.id}`).set(admin).expect(200);
  });
});

describe('setup: documents of demo records carry the demo mark', function () {
  this.timeout(180_000);
  before(requirePdfTools);
  after(removeTestPdfs);

  it('labels, handover and sanitization certificates of a demo device say DEMO; a real device label does not', async function () {
    const token = await startWithoutUsers();
    const res = await api()
      .post('/api/setup')
      .send(setupBody(token, { demo: true }))
      .expect(201);
    const admin = res.body.token as string;
    const [handed] = await rawSelect<{ id: number; deviceId: number }>(
      "SELECT id, device_id AS deviceId FROM allocations WHERE status = 'handed_over' ORDER BY id LIMIT 1",
    );
    const [wiped] = await rawSelect<{ deviceId: number }>(
      "SELECT device_id AS deviceId FROM sanitizations WHERE state = 'counted' ORDER BY id LIMIT 1",
    );
    const label = savePdf(await binary(api().get(`/api/labels.pdf?deviceIds=${handed.deviceId}`).set(bearer(admin))));
    expect(pdfText(label)).to.contain('DEMO');
    const handover = savePdf(
      await binary(api().get(`/api/allocations/${handed.id}/certificate.pdf`).set(bearer(admin))),
      'handover',
    );
    expect(pdfText(handover)).to.contain('DEMO');
    const sanitization = savePdf(
      await binary(api().get(`/api/devices/${wiped.deviceId}/sanitization-certificate.pdf`).set(bearer(admin))),
      'sanitization',
    );
    expect(pdfText(sanitization)).to.contain('DEMO');

    const donation = await createDonation();
    const real = await postDevice(admin, donation.id, { type: 'laptop' }).expect(201);
    const realLabel = savePdf(await binary(api().get(`/api/labels.pdf?deviceIds=${real.body.id}`).set(bearer(admin))));
    expect(pdfText(realLabel)).not.to.contain('DEMO');
  });
});
