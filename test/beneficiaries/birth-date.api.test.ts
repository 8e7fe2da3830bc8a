// A beneficiary's birth date (spec §14: a programme's age range reads it): YYYY-MM-DD, a real day, not before 1900 and
// not after today where the charity is; people only; personal data (managers see it, other roles get null).
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { rawSelect } from '../helpers/more-factories.js';
import { charityToday, toBeneficiaryDto } from '../../server/modules/beneficiaries/index.js';
import { Beneficiary } from '../../server/modules/beneficiaries/beneficiaries.model.js';
import { createBeneficiary, family } from './helpers.js';

const dayAfter = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('beneficiaries: birthDate', () => {
  let token: string;
  beforeEach(async () => {
    token = (await signIn('manager')).token;
  });

  it('when a person is registered with a birth date, stores it and returns it to managers', async () => {
    const created = await createBeneficiary(token, { birthDate: '2004-02-29' });

    expect(created.birthDate).to.equal('2004-02-29');
    const [row] = await rawSelect<{ birth_date: string | Date }>('SELECT birth_date FROM beneficiaries');
    expect(
      String(row.birth_date instanceof Date ? row.birth_date.toISOString() : row.birth_date).slice(0, 10),
    ).to.equal('2004-02-29');
    const read = await api().get(`/api/beneficiaries/${created.id}`).set(bearer(token)).expect(200);
    expect(read.body.birthDate).to.equal('2004-02-29');
  });

  it('without one, the birth date is null (it stays optional for the registry)', async () => {
    const created = await createBeneficiary(token);
    expect(created.birthDate).to.equal(null);
  });

  it('today is accepted; tomorrow, before 1900, a day not in the calendar or another format is a 400 naming birthDate', async () => {
    const today = charityToday();
    await api()
      .post('/api/beneficiaries')
      .set(bearer(token))
      .send(family({ birthDate: today }))
      .expect(201);
    const cases: Array<[string, string]> = [
      [dayAfter(today, 1), 'date.max'],
      ['1899-12-31', 'date.min'],
      ['2001-02-29', 'date.invalid'],
      ['2001-13-01', 'date.invalid'],
      ['30/09/2001', 'date.pattern'],
    ];
    for (const [birthDate, type] of cases) {
      const res = await api().post('/api/beneficiaries').set(bearer(token)).send(family({ birthDate })).expect(400);
      expect(res.body.error.details, birthDate).to.deep.equal([
        {
          path: 'birthDate',
          message: res.body.error.details[0].message,
          type,
          ...contextOf(res.body.error.details[0]),
        },
      ]);
    }
    expect(await Beneficiary.count()).to.equal(1);
  });

  it('an institution has no birth date: sending one is a 400 naming birthDate, on create and on PATCH', async () => {
    const institution = {
      kind: 'institution',
      name: 'مدرسة النور',
      phone: '0551234000',
      institution: { type: 'school', contactPerson: 'المدير', requestedDevices: 5 },
    };
    const bad = await api()
      .post('/api/beneficiaries')
      .set(bearer(token))
      .send({ ...institution, birthDate: '2000-01-01' })
      .expect(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).to.deep.equal(['birthDate']);
    const created = await api().post('/api/beneficiaries').set(bearer(token)).send(institution).expect(201);
    const patch = await api()
      .patch(`/api/beneficiaries/${created.body.id}`)
      .set(bearer(token))
      .send({ birthDate: '2000-01-01' })
      .expect(400);
    expect(patch.body.error.details.map((d: { path: string }) => d.path)).to.deep.equal(['birthDate']);
    expect((await Beneficiary.findByPk(created.body.id))!.birthDate).to.equal(null);
  });

  it('PATCH sets and clears it, and the audit names the field (never the value)', async () => {
    const created = await createBeneficiary(token);
    const set = await api()
      .patch(`/api/beneficiaries/${created.id}`)
      .set(bearer(token))
      .send({ birthDate: '1990-05-17' })
      .expect(200);
    expect(set.body.birthDate).to.equal('1990-05-17');
    expect((await Beneficiary.findByPk(created.id))!.birthDate).to.equal('1990-05-17');
    const cleared = await api()
      .patch(`/api/beneficiaries/${created.id}`)
      .set(bearer(token))
      .send({ birthDate: null })
      .expect(200);
    expect(cleared.body.birthDate).to.equal(null);
    const audits = await rawSelect<{ fields: string }>(
      "SELECT fields FROM beneficiary_audit WHERE beneficiary_id = :id AND action = 'updated' ORDER BY id",
      { id: created.id },
    );
    expect(audits.map((a) => a.fields)).to.deep.equal(['["birthDate"]', '["birthDate"]']);
    expect(audits.map((a) => a.fields).join()).not.to.contain('1990');
  });

  it('technicians and viewers get null in its place (the redacted shape)', async () => {
    const created = await createBeneficiary(token, { birthDate: '1990-05-17' });
    const row = (await Beneficiary.findByPk(created.id))!;
    for (const role of ['technician', 'viewer'] as const) {
      const dto = toBeneficiaryDto(row, role);
      expect(dto).to.include({ redacted: true, birthDate: null });
      expect(JSON.stringify(dto)).not.to.contain('1990');
    }
    expect(toBeneficiaryDto(row, 'manager')).to.include({ redacted: false, birthDate: '1990-05-17' });
  });
});

/** The `context` of a field error, when it has one (its shape is the error's business, not this test's). */
function contextOf(detail: { context?: unknown }): { context?: unknown } {
  return detail.context === undefined ? {} : { context: detail.context };
}
