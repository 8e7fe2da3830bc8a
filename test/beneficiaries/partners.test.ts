import { expect } from 'chai';
import { Partner } from '../../server/modules/partners/partners.model.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { createBeneficiary, createPartner } from './helpers.js';

describe('partners API', () => {
  it('when a manager adds a school, returns 201 with the phone in E.164 and stores it', async () => {
    const { token } = await signIn('manager');

    const res = await api()
      .post('/api/partners')
      .set(bearer(token))
      .send({
        name: 'مدرسة الفيصلية',
        nameLatin: 'Al Faisaliah School',
        kind: 'school',
        city: 'الرياض',
        contactPerson: 'أ. نورة',
        phone: '٠٥٠١٢٣٤٥٦٧',
        email: 'Office@School.example',
      })
      .expect(201);

    expect(res.body).to.include({
      name: 'مدرسة الفيصلية',
      kind: 'school',
      phone: '+966501234567',
      email: 'office@school.example',
    });
    expect(await Partner.findByPk(res.body.id)).to.include({
      nameLatin: 'Al Faisaliah School',
      phone: '+966501234567',
    });
  });

  it('when the kind or phone is wrong, returns 400 naming them and stores nothing', async () => {
    const { token } = await signIn('admin');

    const res = await api()
      .post('/api/partners')
      .set(bearer(token))
      .send({ name: 'X', kind: 'company', phone: '12' })
      .expect(400);

    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).to.deep.equal(['kind', 'phone']);
    expect(await Partner.count()).to.equal(0);
  });

  it('lists partners by name for every role, filtered by kind or text, paged', async () => {
    const { token } = await signIn('manager');
    const { token: viewer } = await signIn('viewer');
    await createPartner(token, { name: 'جمعية البر', kind: 'association' });
    await createPartner(token, { name: 'Al Noor School', kind: 'school' });
    await createPartner(token, { name: 'مركز الأسر المنتجة', kind: 'family_centre' });

    const all = await api().get('/api/partners?pageSize=2').set(bearer(viewer)).expect(200);
    const schools = await api().get('/api/partners?kind=school').set(bearer(viewer)).expect(200);
    const found = await api()
      .get(`/api/partners?q=${encodeURIComponent('البر')}`)
      .set(bearer(viewer))
      .expect(200);

    expect(all.body).to.include({ total: 3, pageSize: 2 });
    expect(all.body.items).to.have.length(2);
    expect(schools.body.items.map((p: { name: string }) => p.name)).to.deep.equal(['Al Noor School']);
    expect(found.body.items.map((p: { name: string }) => p.name)).to.deep.equal(['جمعية البر']);
  });

  it('GET /api/partners/:id/referrals counts referred beneficiaries by status and lists them', async () => {
    const { token } = await signIn('manager');
    const partner = await createPartner(token);
    const other = await createPartner(token, { name: 'Other' });
    const referred = [];
    for (let i = 0; i < 3; i += 1) referred.push(await createBeneficiary(token, { partnerId: partner.id }));
    await createBeneficiary(token, { partnerId: other.id });
    await createBeneficiary(token);
    await api()
      .patch(`/api/beneficiaries/${referred[0].id}`)
      .set(bearer(token))
      .send({ status: 'verified' })
      .expect(200);

    const res = await api().get(`/api/partners/${partner.id}/referrals`).set(bearer(token)).expect(200);
    const verifiedOnly = await api()
      .get(`/api/partners/${partner.id}/referrals?status=verified`)
      .set(bearer(token))
      .expect(200);

    expect(res.body.partner).to.include({ id: partner.id, name: partner.name });
    expect(res.body.countsByStatus).to.deep.equal({
      applied: 2,
      verified: 1,
      waitlisted: 0,
      allocated: 0,
      served: 0,
      rejected: 0,
    });
    expect(res.body.total).to.equal(3);
    expect(res.body.items.map((b: { id: number }) => b.id).sort()).to.deep.equal(referred.map((b) => b.id).sort());
    expect(res.body.items[0])
      .to.have.property('nationalIdMasked')
      .that.matches(/^\*{6}\d{4}$/);
    expect(verifiedOnly.body.items.map((b: { id: number }) => b.id)).to.deep.equal([referred[0].id]);
    expect(verifiedOnly.body.countsByStatus.applied).to.equal(2);
    await api().get('/api/partners/999999/referrals').set(bearer(token)).expect(404);
  });
});
