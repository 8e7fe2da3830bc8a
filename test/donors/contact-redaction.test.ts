// Donor contact details per role: staff reach donors (pickups, receipts), a viewer sees who gave but gets no
// phone, no email and no secret receipt link, on any route, and cannot confirm an email by searching for it.
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { createDonor, signIn } from '../helpers/factories.js';
import { intake } from '../helpers/workshop.js';

describe('donors: contact details per role', () => {
  it('when a viewer reads donors and donations, phone, email and receipt link are absent; a technician gets them', async () => {
    const donor = await createDonor({ name: 'شركة الخليج للتقنية' });
    const { token: tech } = await signIn('technician');
    const donation = (
      await api().post('/api/donations').set(bearer(tech)).send({ donorId: donor.id, channel: 'drop_off' }).expect(201)
    ).body as { id: number };
    await intake(tech, 0, donation.id);
    const { token: viewer } = await signIn('viewer');

    const reads = [
      `/api/donors`,
      `/api/donors/${donor.id}`,
      `/api/donations`,
      `/api/donations/${donation.id}`,
      '/api/donors?q=csr%40gulftech',
    ];
    const seen = await Promise.all(reads.map((url) => api().get(url).set(bearer(viewer)).expect(200)));

    const [list, detail, , donationDetail, search] = seen.map((r) => r.body);
    expect(list.items[0]).to.include({ name: 'شركة الخليج للتقنية', phone: null, email: null });
    expect(detail).to.include({ phone: null, email: null });
    expect(donationDetail).not.to.have.property('receiptUrl');
    expect(search.items).to.deep.equal([]);
    for (const r of seen)
      expect(JSON.stringify(r.body))
        .not.to.contain('csr@gulftech.example')
        .and.not.to.contain('501234567')
        .and.not.to.contain('/receipts/');
    const asTech = await api().get(`/api/donors/${donor.id}`).set(bearer(tech)).expect(200);
    expect(asTech.body).to.include({ phone: '+966501234567', email: 'csr@gulftech.example' });
    expect((await api().get(`/api/donations/${donation.id}`).set(bearer(tech)).expect(200)).body.receiptUrl).to.match(
      /\/receipts\/[A-Za-z0-9_-]{43}$/,
    );
    expect((await api().get('/api/donors?q=csr%40gulftech').set(bearer(tech)).expect(200)).body.items).to.have.length(
      1,
    );
  });
});
