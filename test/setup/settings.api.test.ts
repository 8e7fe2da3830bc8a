// The settings screen's fields (issue 22, point 5): what the setup asked, changed by an admin only; the country
// chosen there changes the ID and phone rules of what is entered from then on.
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';

const family = (nationalId: string, phone: string) => ({
  kind: 'family',
  name: 'أسرة بناني',
  nationalId,
  phone,
  city: 'فاس',
  householdSize: 5,
  monthlyIncome: 2500,
  schoolChildren: 2,
  need: 'laptop',
  purpose: 'study',
});

describe('setup: the settings of issue 22', function () {
  it('an admin changes letterhead, licence, country, region, city, sampling share, public impact and sender name', async function () {
    const { token } = await signIn('admin');
    const patch = {
      charityName: 'جمعية الأطلس للتضامن',
      charityNameLatin: 'Association Atlas Solidarité',
      charityLicence: 'MA-2026-5',
      charityAddress: '12 rue de Fès',
      charityPhone: '0522000000',
      country: 'MA',
      regionCode: 'MA-03',
      city: 'فاس',
      verificationSamplePercent: 10,
      publicImpact: true,
      senderName: 'Atlas',
    };
    const res = await api().patch('/api/settings').set(bearer(token)).send(patch).expect(200);
    expect(res.body).to.include({ ...patch, demo: false });
    const again = await api().get('/api/settings').set(bearer(token)).expect(200);
    expect(again.body).to.include(patch);
  });

  it('refuses a region of the other country, naming regionCode, and a demo flag sent by hand', async function () {
    const { token } = await signIn('admin');
    const res = await api().patch('/api/settings').set(bearer(token)).send({ country: 'SA', regionCode: 'MA-03' });
    expect(res.status).to.equal(400);
    expect(res.body.error.details[0].path).to.equal('regionCode');
    const demo = await api().patch('/api/settings').set(bearer(token)).send({ demo: true }).expect(400);
    expect(JSON.stringify(demo.body.error.details)).to.contain('demo');
  });

  for (const role of ['manager', 'technician', 'viewer'] as const) {
    it(`a ${role} may read the settings but not change them (403)`, async function () {
      const { token } = await signIn(role);
      await api().get('/api/settings').set(bearer(token)).expect(200);
      await api().patch('/api/settings').set(bearer(token)).send({ senderName: 'x' }).expect(403);
      await api().delete('/api/settings/demo').set(bearer(token)).expect(403);
    });
  }

  it('the country decides the ID rules: a Moroccan CIN is refused under SA and accepted once MA is chosen', async function () {
    const { token: admin } = await signIn('admin');
    const { token: manager } = await signIn('manager');
    await api().patch('/api/settings').set(bearer(admin)).send({ country: 'SA' }).expect(200);
    const refused = await api().post('/api/beneficiaries').set(bearer(manager)).send(family('BK123456', '0612345678'));
    expect(refused.status).to.equal(400);
    expect(JSON.stringify(refused.body.error.details)).to.contain('nationalId');
    await api().patch('/api/settings').set(bearer(admin)).send({ country: 'MA' }).expect(200);
    const created = await api().post('/api/beneficiaries').set(bearer(manager)).send(family('BK123456', '0612345678'));
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const read = await api().get(`/api/beneficiaries/${created.body.id}`).set(bearer(manager)).expect(200);
    expect(read.body.phone).to.equal('+212612345678');
  });
});
