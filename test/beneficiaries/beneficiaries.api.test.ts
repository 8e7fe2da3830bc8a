import { expect } from 'chai';
import { Beneficiary } from '../../server/modules/beneficiaries/beneficiaries.model.js';
import { BeneficiaryAudit } from '../../server/modules/beneficiaries/beneficiaries.model.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import type { ErrorBodyOf } from '../helpers/more-factories.js';
import { createBeneficiary, createPartner, family } from './helpers.js';
import type { BeneficiaryDto } from '../../server/modules/beneficiaries/index.js';
import type { FieldErrorDto, Page } from '../../server/shared/index.js';

describe('beneficiaries API', () => {
  describe('POST /api/beneficiaries', () => {
    it('when a manager registers the spec example family, returns 201 with the masked ID and E.164 phone, and stores the row as applied', async () => {
      const { user, token } = await signIn('manager');
      const partner = await createPartner(token);

      const res = await api()
        .post('/api/beneficiaries')
        .set(bearer(token))
        .send(family({ nationalId: '1000000008', phone: '0501234567', partnerId: partner.id }))
        .expect(201);

      const body = res.body as BeneficiaryDto;
      expect(body).to.deep.include({
        redacted: false,
        kind: 'family',
        name: 'أسرة العتيبي',
        nationalIdMasked: '******0008',
        phone: '+966501234567',
        city: 'الدمام',
        region: 'Eastern',
        householdSize: 6,
        monthlyIncome: 3000,
        schoolChildren: 3,
        need: 'laptop',
        purpose: 'business',
        partnerId: partner.id,
        status: 'applied',
        rejectionReason: null,
        allowedTransitions: ['verified', 'rejected'],
      });
      expect(body).not.to.have.any.keys('nationalId', 'nationalIdEncrypted', 'nationalIdHash', 'nationalIdLast4');
      const stored = await Beneficiary.findByPk(body.id);
      expect(stored).to.deep.include({
        status: 'applied',
        phone: '+966501234567',
        nationalIdLast4: '0008',
        monthlyIncome: 3000,
        partnerId: partner.id,
      });
      const audit = await BeneficiaryAudit.findAll({ where: { beneficiaryId: body.id } });
      expect(audit.map((a) => [a.action, a.actorId, a.toStatus])).to.deep.equal([['created', user.id, 'applied']]);
    });

    it('when the Saudi ID fails its check digit and the phone is not a phone, returns 400 naming both and stores nothing', async () => {
      const { token } = await signIn('manager');

      const res = await api()
        .post('/api/beneficiaries')
        .set(bearer(token))
        .send(family({ nationalId: '1000000000', phone: '12', householdSize: 0, schoolChildren: 0, need: 'tablet' }))
        .expect(400);

      const body = res.body as ErrorBodyOf<FieldErrorDto[]>;
      expect(body.error.code).to.equal('VALIDATION_FAILED');
      expect(body.error.details!.map((d) => d.path).sort()).to.deep.equal([
        'householdSize',
        'nationalId',
        'need',
        'phone',
      ]);
      expect(body.error.details!.find((d) => d.path === 'nationalId')!.message).to.contain('check digit');
      expect(await Beneficiary.count()).to.equal(0);
    });

    it('when required fields are missing or school children exceed the household, returns 400', async () => {
      const { token } = await signIn('admin');

      const missing = await api().post('/api/beneficiaries').set(bearer(token)).send({ kind: 'student' }).expect(400);
      const paths = (missing.body as ErrorBodyOf<FieldErrorDto[]>).error.details!.map((d) => d.path);
      expect(paths).to.include.members(['name', 'nationalId', 'phone', 'householdSize', 'monthlyIncome', 'need']);
      const tooMany = await api()
        .post('/api/beneficiaries')
        .set(bearer(token))
        .send(family({ householdSize: 2, schoolChildren: 3 }))
        .expect(400);
      expect((tooMany.body as ErrorBodyOf<FieldErrorDto[]>).error.details!.map((d) => d.path)).to.deep.equal([
        'schoolChildren',
      ]);
      expect(await Beneficiary.count()).to.equal(0);
    });

    it('when the partner does not exist, returns 422 REFERENCE_NOT_FOUND and stores nothing', async () => {
      const { token } = await signIn('manager');

      const res = await api()
        .post('/api/beneficiaries')
        .set(bearer(token))
        .send(family({ partnerId: 999 }))
        .expect(422);

      expect(res.body.error.code).to.equal('REFERENCE_NOT_FOUND');
      expect(await Beneficiary.count()).to.equal(0);
      expect(await BeneficiaryAudit.count()).to.equal(0);
    });

    it('when the same ID applies again (typed in Arabic-Indic digits), returns 409 DUPLICATE_BENEFICIARY pointing at the first record', async () => {
      const { token } = await signIn('manager');
      const first = await createBeneficiary(token, { nationalId: '1000000008' });

      const res = await api()
        .post('/api/beneficiaries')
        .set(bearer(token))
        .send(family({ nationalId: '١٠٠٠ ٠٠٠ ٠٠٨', name: 'Another Name' }))
        .expect(409);

      expect(res.body.error).to.deep.include({ code: 'DUPLICATE_BENEFICIARY', details: { existingId: first.id } });
      expect(await Beneficiary.count()).to.equal(1);
      expect(await BeneficiaryAudit.count()).to.equal(1);
    });

    it('when two applications with the same ID arrive at once, exactly one is created (201) and the other gets 409', async () => {
      const { token } = await signIn('manager');
      const body = family({ nationalId: '2111111114' });

      const results = await Promise.all(
        [1, 2].map(() => api().post('/api/beneficiaries').set(bearer(token)).send(body)),
      );

      expect(results.map((r) => r.status).sort()).to.deep.equal([201, 409]);
      expect(results.find((r) => r.status === 409)!.body.error.code).to.equal('DUPLICATE_BENEFICIARY');
      expect(await Beneficiary.count()).to.equal(1);
      expect(await BeneficiaryAudit.count()).to.equal(1);
    });
  });

  describe('GET /api/beneficiaries', () => {
    it('filters by status, kind, need and partner, searches names, full IDs and phones, and pages on the server', async () => {
      const { token } = await signIn('manager');
      const partner = await createPartner(token);
      const created: BeneficiaryDto[] = [];
      for (let i = 0; i < 5; i += 1)
        created.push(await createBeneficiary(token, { name: `Family ${i}`, need: i % 2 ? 'desktop' : 'laptop' }));
      const student = await createBeneficiary(token, {
        kind: 'student',
        name: 'Sara Ahmed',
        partnerId: partner.id,
        nationalId: '1234567897',
        phone: '0551239876',
      });
      await api()
        .patch(`/api/beneficiaries/${created[0].id}`)
        .set(bearer(token))
        .send({ status: 'verified' })
        .expect(200);

      const get = async (query: string) =>
        (await api().get(`/api/beneficiaries?${query}`).set(bearer(token)).expect(200)).body as Page<BeneficiaryDto>;

      const page1 = await get('pageSize=4');
      const page2 = await get('pageSize=4&page=2');
      expect([page1.total, page1.items.length, page2.items.length]).to.deep.equal([6, 4, 2]);
      expect([...page1.items, ...page2.items].map((b) => b.id)).to.deep.equal(
        [student, ...created].map((b) => b.id).sort((a, b) => b - a),
      );
      expect((await get('status=verified')).items.map((b) => b.id)).to.deep.equal([created[0].id]);
      expect((await get('status=applied,verified')).total).to.equal(6);
      expect((await get('kind=student')).items.map((b) => b.id)).to.deep.equal([student.id]);
      expect((await get('need=desktop')).total).to.equal(2);
      expect((await get(`partnerId=${partner.id}`)).items.map((b) => b.id)).to.deep.equal([student.id]);
      expect((await get('q=sara')).items.map((b) => b.id)).to.deep.equal([student.id]);
      expect((await get(`q=${encodeURIComponent('١٢٣٤٥٦٧٨٩٧')}`)).items.map((b) => b.id)).to.deep.equal([student.id]);
      expect((await get(`q=${encodeURIComponent('٠٥٥١٢٣٩٨٧٦')}`)).items.map((b) => b.id)).to.deep.equal([student.id]);
      expect((await get('q=100%25')).total).to.equal(0);
    });

    it('when a filter is not a known value, returns 400', async () => {
      const { token } = await signIn('manager');
      const res = await api().get('/api/beneficiaries?status=approved&pageSize=500').set(bearer(token)).expect(400);
      expect(res.body.error.details.map((d: FieldErrorDto) => d.path).sort()).to.deep.equal(['pageSize', 'status']);
    });
  });

  describe('GET and PATCH /api/beneficiaries/:id', () => {
    it('returns the beneficiary with its priority score, and 404 for an unknown id', async () => {
      const { token } = await signIn('manager');
      const b = await createBeneficiary(token);

      const res = await api().get(`/api/beneficiaries/${b.id}`).set(bearer(token)).expect(200);

      expect(res.body).to.deep.include({ id: b.id, name: 'أسرة العتيبي', status: 'applied' });
      expect(res.body.priority.score).to.be.a('number').greaterThan(0);
      expect(res.body.priority.breakdown).to.have.all.keys(
        'incomePerMember',
        'householdSize',
        'schoolChildren',
        'daysWaiting',
        'partnerReferral',
      );
      const missing = await api().get('/api/beneficiaries/999999').set(bearer(token)).expect(404);
      expect(missing.body.error.code).to.equal('NOT_FOUND');
    });

    it('when fields change, stores them and audits only the names of the fields that really changed', async () => {
      const { token } = await signIn('manager');
      const b = await createBeneficiary(token);

      const res = await api()
        .patch(`/api/beneficiaries/${b.id}`)
        .set(bearer(token))
        .send({ phone: '٠٥٠٩٩٩٩٩٩٩', householdSize: 6, monthlyIncome: 2500.5, nationalId: '2345678904' })
        .expect(200);

      expect(res.body).to.deep.include({
        phone: '+966509999999',
        monthlyIncome: 2500.5,
        nationalIdMasked: '******8904',
        status: 'applied',
      });
      const stored = (await Beneficiary.findByPk(b.id))!;
      expect([stored.phone, stored.monthlyIncome, stored.nationalIdLast4]).to.deep.equal([
        '+966509999999',
        2500.5,
        '8904',
      ]);
      const audit = await BeneficiaryAudit.findAll({ where: { beneficiaryId: b.id }, order: [['id', 'ASC']] });
      expect(audit.map((a) => [a.action, JSON.parse(a.fields)])).to.deep.equal([
        ['created', JSON.parse(audit[0].fields)],
        ['updated', ['phone', 'monthlyIncome', 'nationalId']],
      ]);
    });

    it('when the new ID belongs to someone else, returns 409 DUPLICATE_BENEFICIARY and changes nothing', async () => {
      const { token } = await signIn('manager');
      const a = await createBeneficiary(token, { nationalId: '1000000008' });
      const b = await createBeneficiary(token, { nationalId: '1234567897' });

      const res = await api()
        .patch(`/api/beneficiaries/${b.id}`)
        .set(bearer(token))
        .send({ nationalId: '1000000008', city: 'جدة' })
        .expect(409);

      expect(res.body.error).to.deep.include({ code: 'DUPLICATE_BENEFICIARY', details: { existingId: a.id } });
      expect((await Beneficiary.findByPk(b.id))!.city).to.equal('الدمام');
      expect(await BeneficiaryAudit.count({ where: { beneficiaryId: b.id } })).to.equal(1);
    });

    it('when school children would exceed the stored household size, returns 400', async () => {
      const { token } = await signIn('manager');
      const b = await createBeneficiary(token, { householdSize: 4, schoolChildren: 2 });

      await api().patch(`/api/beneficiaries/${b.id}`).set(bearer(token)).send({ schoolChildren: 5 }).expect(400);
      await api().patch(`/api/beneficiaries/${b.id}`).set(bearer(token)).send({ householdSize: 1 }).expect(400);
      await api().patch(`/api/beneficiaries/999999`).set(bearer(token)).send({ city: 'جدة' }).expect(404);
      await api().patch(`/api/beneficiaries/${b.id}`).set(bearer(token)).send({}).expect(400);
      expect((await Beneficiary.findByPk(b.id))!.schoolChildren).to.equal(2);
    });
  });
});
