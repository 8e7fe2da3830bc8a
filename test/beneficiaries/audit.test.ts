import fs from 'node:fs';
import { expect } from 'chai';
import { config } from '../../server/config.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { rawSelect } from '../helpers/more-factories.js';
import { createBeneficiary, createPartner } from './helpers.js';

// Distinctive values, so that a hit anywhere can only come from this beneficiary.
const PERSON = { name: 'Zubaida Qarawiyyin', nationalId: '1098765439', phone: '0557654321' };
const PHONE_E164 = '+966557654321';
const NEW = { name: 'Zubaida Qarawiyyin-Idrissi', phone: '0551112233', nationalId: '2345678904', city: 'Tabuk' };

describe('beneficiary audit trail', () => {
  it('when a beneficiary is created, edited and verified, records who/what/when with field names and no values', async () => {
    const { user, token } = await signIn('manager');
    const partner = await createPartner(token);
    const b = await createBeneficiary(token, PERSON);

    await api()
      .patch(`/api/beneficiaries/${b.id}`)
      .set(bearer(token))
      .send({ ...NEW, partnerId: partner.id })
      .expect(200);
    await api().patch(`/api/beneficiaries/${b.id}`).set(bearer(token)).send({ status: 'verified' }).expect(200);
    const res = await api().get(`/api/beneficiaries/${b.id}/audit`).set(bearer(token)).expect(200);

    expect(res.body.total).to.equal(3);
    expect(
      res.body.items.map(
        (a: { action: string; fields: string[]; fromStatus: string | null; toStatus: string | null }) => [
          a.action,
          a.fields,
          a.fromStatus,
          a.toStatus,
        ],
      ),
    ).to.deep.equal([
      [
        'created',
        [
          'kind',
          'name',
          'nationalId',
          'phone',
          'city',
          'region',
          'householdSize',
          'monthlyIncome',
          'schoolChildren',
          'need',
          'purpose',
        ],
        null,
        'applied',
      ],
      ['updated', ['name', 'phone', 'city', 'partnerId', 'nationalId'], null, null],
      ['status_changed', ['status'], 'applied', 'verified'],
    ]);
    expect(res.body.items[0]).to.include({ actorId: user.id, actorName: user.name });
    expect(Date.parse(res.body.items[0].createdAt)).to.be.a('number').and.not.NaN;
    const raw = JSON.stringify(await rawSelect('SELECT * FROM beneficiary_audit'));
    for (const secret of [
      PERSON.name,
      PERSON.nationalId,
      PERSON.phone,
      PHONE_E164,
      '7654321',
      NEW.name,
      NEW.nationalId,
      '1112233',
      NEW.city,
    ]) {
      expect(raw, secret).not.to.contain(secret);
    }
    expect(JSON.stringify(res.body)).not.to.contain('Zubaida');
  });

  it('pages the trail and answers 404 for an unknown beneficiary', async () => {
    const { token } = await signIn('manager');
    const b = await createBeneficiary(token);
    await api().patch(`/api/beneficiaries/${b.id}`).set(bearer(token)).send({ status: 'verified' }).expect(200);

    const page2 = await api().get(`/api/beneficiaries/${b.id}/audit?pageSize=1&page=2`).set(bearer(token)).expect(200);

    expect(page2.body).to.include({ total: 2, page: 2, pageSize: 1 });
    expect(page2.body.items.map((a: { action: string }) => a.action)).to.deep.equal(['status_changed']);
    await api().get('/api/beneficiaries/999999/audit').set(bearer(token)).expect(404);
  });

  it('never writes a name, phone or ID into the log file', async () => {
    const { token } = await signIn('manager');
    const b = await createBeneficiary(token, PERSON);
    await api().patch(`/api/beneficiaries/${b.id}`).set(bearer(token)).send({ status: 'verified' }).expect(200);
    await api()
      .get(`/api/beneficiaries?q=${encodeURIComponent(PERSON.name)}`)
      .set(bearer(token))
      .expect(200);
    await api()
      .post('/api/beneficiaries')
      .set(bearer(token))
      .send({ ...PERSON, kind: 'family' })
      .expect(400);

    await new Promise((r) => setTimeout(r, 100));
    const log = fs.existsSync(config.logFile) ? fs.readFileSync(config.logFile, 'utf8') : '';
    expect(log).to.contain('beneficiary.created');
    for (const secret of [PERSON.name, 'Zubaida', PERSON.nationalId, PERSON.phone, PHONE_E164])
      expect(log, secret).not.to.contain(secret);
  });
});
