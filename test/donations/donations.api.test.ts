import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { createDonation, createDonor, signIn } from '../helpers/factories.js';
import { createDeviceRecord, createSite, rawWrite, type ErrorBodyOf } from '../helpers/more-factories.js';
import { Donation } from '../../server/modules/donations/donations.model.js';
import type { DonationDetailDto, DonationDto, FieldErrorDto, Page } from '../../server/shared/index.js';

const year = new Date().getUTCFullYear();

describe('donations API', () => {
  describe('POST /api/donations', () => {
    it('when two donations are created, returns codes DN-<year>-0001 then DN-<year>-0002 and stores them', async () => {
      const { token, user } = await signIn('technician');
      const donor = await createDonor();

      const first = await api()
        .post('/api/donations')
        .set(bearer(token))
        .send({ donorId: donor.id, channel: 'drop_off', expectedCount: 25 })
        .expect(201);
      const second = await api()
        .post('/api/donations')
        .set(bearer(token))
        .send({ donorId: donor.id, channel: 'drop_off' })
        .expect(201);

      expect((first.body as DonationDto).code).to.equal(`DN-${year}-0001`);
      expect((second.body as DonationDto).code).to.equal(`DN-${year}-0002`);
      expect(first.body).to.include({
        donorId: donor.id,
        donorName: 'شركة الخليج للتقنية',
        expectedCount: 25,
        receivedCount: 0,
      });
      const stored = await Donation.findByPk((first.body as DonationDto).id);
      expect(stored?.code).to.equal(`DN-${year}-0001`);
      expect(stored?.createdBy).to.equal(user.id);
      expect(await Donation.count()).to.equal(2);
    });

    it('when the counter in the database stands at 41, returns the code ending 0042', async () => {
      const { token } = await signIn('manager');
      const donor = await createDonor();
      await rawWrite('INSERT INTO sequences (name, value) VALUES (:name, 41)', { name: `donation:${year}` });

      const res = await api()
        .post('/api/donations')
        .set(bearer(token))
        .send({ donorId: donor.id, channel: 'drop_off' })
        .expect(201);

      expect((res.body as DonationDto).code).to.equal(`DN-${year}-0042`);
    });

    it('when the channel is drop_off, stores the donation as received with the time it was received', async () => {
      const { token } = await signIn('manager');
      const donor = await createDonor();

      const res = await api()
        .post('/api/donations')
        .set(bearer(token))
        .send({ donorId: donor.id, channel: 'drop_off' })
        .expect(201);

      const body = res.body as DonationDto;
      expect(body.status).to.equal('received');
      expect(body.receivedAt).to.be.a('string');
      const stored = await Donation.findByPk(body.id);
      expect(stored?.status).to.equal('received');
      expect(stored?.receivedAt).to.be.instanceOf(Date);
    });

    it('when the channel is pickup, stores the donation as scheduled and not yet received', async () => {
      const { token } = await signIn('manager');
      const donor = await createDonor();

      const res = await api()
        .post('/api/donations')
        .set(bearer(token))
        .send({ donorId: donor.id, channel: 'pickup', scheduledPickupDate: '2026-12-01' })
        .expect(201);

      const body = res.body as DonationDto;
      expect(body).to.include({ status: 'scheduled', receivedAt: null, scheduledPickupDate: '2026-12-01' });
      expect((await Donation.findByPk(body.id))?.status).to.equal('scheduled');
    });

    it('when the channel is pledge, stores the donation as pledged', async () => {
      const { token } = await signIn('manager');
      const donor = await createDonor();

      const res = await api()
        .post('/api/donations')
        .set(bearer(token))
        .send({ donorId: donor.id, channel: 'pledge' })
        .expect(201);

      expect((res.body as DonationDto).status).to.equal('pledged');
    });

    it('when the donor does not exist, returns 422 REFERENCE_NOT_FOUND naming donorId, stores nothing and uses no code', async () => {
      const { token } = await signIn('manager');

      const res = await api()
        .post('/api/donations')
        .set(bearer(token))
        .send({ donorId: 424242, channel: 'drop_off' })
        .expect(422);

      const body = res.body as ErrorBodyOf<FieldErrorDto[]>;
      expect(body.error.code).to.equal('REFERENCE_NOT_FOUND');
      expect(body.error.details!.map((d) => d.path)).to.deep.equal(['donorId']);
      expect(await Donation.count()).to.equal(0);
      const donor = await createDonor();
      const next = await api()
        .post('/api/donations')
        .set(bearer(token))
        .send({ donorId: donor.id, channel: 'drop_off' })
        .expect(201);
      expect((next.body as DonationDto).code).to.equal(`DN-${year}-0001`);
    });

    it('when the site does not exist, returns 422 REFERENCE_NOT_FOUND naming siteId and stores nothing', async () => {
      const { token } = await signIn('manager');
      const donor = await createDonor();

      const res = await api()
        .post('/api/donations')
        .set(bearer(token))
        .send({ donorId: donor.id, channel: 'drop_off', siteId: 9999 })
        .expect(422);

      const body = res.body as ErrorBodyOf<FieldErrorDto[]>;
      expect(body.error.code).to.equal('REFERENCE_NOT_FOUND');
      expect(body.error.details).to.deep.equal([{ path: 'siteId', message: 'does not exist' }]);
      expect(await Donation.count()).to.equal(0);
    });

    it('when the site exists, stores the donation at that site', async () => {
      const { token } = await signIn('manager');
      const donor = await createDonor();
      const site = await createSite();

      const res = await api()
        .post('/api/donations')
        .set(bearer(token))
        .send({ donorId: donor.id, channel: 'drop_off', siteId: site.id })
        .expect(201);

      expect((res.body as DonationDto).siteId).to.equal(site.id);
      expect((await Donation.findByPk((res.body as DonationDto).id))?.siteId).to.equal(site.id);
    });

    it('when channel and expectedCount are invalid, returns 400 with one entry each', async () => {
      const { token } = await signIn('manager');
      const donor = await createDonor();

      const res = await api()
        .post('/api/donations')
        .set(bearer(token))
        .send({ donorId: donor.id, channel: 'courier', expectedCount: -1 })
        .expect(400);

      expect((res.body as ErrorBodyOf<FieldErrorDto[]>).error.details!.map((d) => d.path).sort()).to.deep.equal([
        'channel',
        'expectedCount',
      ]);
      expect(await Donation.count()).to.equal(0);
    });

    it('when a viewer creates a donation, returns 403', async () => {
      const { token } = await signIn('viewer');
      const donor = await createDonor();

      await api()
        .post('/api/donations')
        .set(bearer(token))
        .send({ donorId: donor.id, channel: 'drop_off' })
        .expect(403);

      expect(await Donation.count()).to.equal(0);
    });
  });

  describe('GET /api/donations', () => {
    it('when filtered by status, returns only those donations, newest first, with the total', async () => {
      const { token } = await signIn('viewer');
      const a = await createDonation({ status: 'pledged' });
      await createDonation({ status: 'received' });
      const c = await createDonation({ status: 'scheduled' });

      const res = await api().get('/api/donations?status=pledged,scheduled').set(bearer(token)).expect(200);

      const body = res.body as Page<DonationDto>;
      expect(body.total).to.equal(2);
      expect(body.items.map((d) => d.id)).to.deep.equal([c.id, a.id]);
    });

    it('when q is part of a code or a donor name, returns the matching donations; an underscore is not a wildcard', async () => {
      const { token } = await signIn('viewer');
      const khaleej = await createDonor({ name: 'شركة الخليج' });
      const mine = await createDonation({ donorId: khaleej.id });
      await createDonation({ donorId: (await createDonor({ name: 'مؤسسة النور' })).id });

      const byName = await api()
        .get(`/api/donations?q=${encodeURIComponent('الخليج')}`)
        .set(bearer(token))
        .expect(200);
      const byCode = await api().get(`/api/donations?q=${mine.code}`).set(bearer(token)).expect(200);
      const byUnderscore = await api().get('/api/donations?q=DN_2000').set(bearer(token)).expect(200);

      expect((byName.body as Page<DonationDto>).items.map((d) => d.id)).to.deep.equal([mine.id]);
      expect((byCode.body as Page<DonationDto>).items.map((d) => d.id)).to.deep.equal([mine.id]);
      expect((byUnderscore.body as Page<DonationDto>).total).to.equal(0);
    });

    it('when the status filter has an unknown value, returns 400 naming status', async () => {
      const { token } = await signIn('viewer');

      const res = await api().get('/api/donations?status=received,lost').set(bearer(token)).expect(400);

      expect((res.body as ErrorBodyOf<FieldErrorDto[]>).error.details!.map((d) => d.path)).to.deep.equal(['status']);
    });
  });

  describe('GET /api/donations/:id', () => {
    it('when the donation has devices, returns their counts by status', async () => {
      const { token } = await signIn('viewer');
      const donation = await createDonation();
      await createDeviceRecord({ donationId: donation.id });
      await createDeviceRecord({ donationId: donation.id });
      await createDeviceRecord({ donationId: donation.id, status: 'repair' });
      await createDeviceRecord(); // in another donation

      const res = await api().get(`/api/donations/${donation.id}`).set(bearer(token)).expect(200);

      const body = res.body as DonationDetailDto;
      expect(body).to.include({
        id: donation.id,
        code: donation.code,
        status: 'received',
        donorName: 'شركة الخليج للتقنية',
      });
      expect(body.devicesByStatus).to.deep.equal({ intake: 2, repair: 1 });
    });

    it('when the donation has no devices, returns empty counts', async () => {
      const { token } = await signIn('viewer');
      const donation = await createDonation();

      const res = await api().get(`/api/donations/${donation.id}`).set(bearer(token)).expect(200);

      expect((res.body as DonationDetailDto).devicesByStatus).to.deep.equal({});
    });

    it('when the id is unknown, returns 404; when it is abc, returns 400', async () => {
      const { token } = await signIn('viewer');

      const missing = await api().get('/api/donations/999999').set(bearer(token)).expect(404);
      const bad = await api().get('/api/donations/abc').set(bearer(token)).expect(400);

      expect((missing.body as ErrorBodyOf).error.code).to.equal('NOT_FOUND');
      expect((bad.body as ErrorBodyOf<FieldErrorDto[]>).error.details!.map((d) => d.path)).to.deep.equal(['id']);
    });
  });

  describe('PATCH /api/donations/:id', () => {
    it('when a scheduled donation is marked received, returns it received with the time and stores both', async () => {
      const { token } = await signIn('manager');
      const donation = await createDonation({ status: 'scheduled' });

      const res = await api()
        .patch(`/api/donations/${donation.id}`)
        .set(bearer(token))
        .send({ status: 'received' })
        .expect(200);

      expect(res.body).to.include({ id: donation.id, status: 'received' });
      expect((res.body as DonationDetailDto).receivedAt).to.be.a('string');
      const stored = await Donation.findByPk(donation.id);
      expect(stored?.status).to.equal('received');
      expect(stored?.receivedAt).to.be.instanceOf(Date);
    });

    it('when a received donation is closed, stores closed', async () => {
      const { token } = await signIn('manager');
      const donation = await createDonation({ status: 'received' });

      await api().patch(`/api/donations/${donation.id}`).set(bearer(token)).send({ status: 'closed' }).expect(200);

      expect((await Donation.findByPk(donation.id))?.status).to.equal('closed');
    });

    it('when a received donation is moved back to pledged, returns 409 INVALID_TRANSITION and keeps it received', async () => {
      const { token } = await signIn('manager');
      const donation = await createDonation({ status: 'received' });

      const res = await api()
        .patch(`/api/donations/${donation.id}`)
        .set(bearer(token))
        .send({ status: 'pledged', notes: 'oops' })
        .expect(409);

      const body = res.body as ErrorBodyOf<{ status: string; allowed: string[] }>;
      expect(body.error.code).to.equal('INVALID_TRANSITION');
      expect(body.error.details).to.deep.equal({ status: 'received', allowed: ['closed'] });
      const stored = await Donation.findByPk(donation.id);
      expect(stored?.status).to.equal('received');
      expect(stored?.notes).to.equal(null);
    });

    it('when a closed donation is reopened, returns 409 INVALID_TRANSITION', async () => {
      const { token } = await signIn('manager');
      const donation = await createDonation({ status: 'closed' });

      const res = await api()
        .patch(`/api/donations/${donation.id}`)
        .set(bearer(token))
        .send({ status: 'received' })
        .expect(409);

      expect((res.body as ErrorBodyOf).error.code).to.equal('INVALID_TRANSITION');
      expect((await Donation.findByPk(donation.id))?.status).to.equal('closed');
    });

    it('when only the notes and expected count change, stores them and keeps the status', async () => {
      const { token } = await signIn('admin');
      const donation = await createDonation({ status: 'pledged' });

      await api()
        .patch(`/api/donations/${donation.id}`)
        .set(bearer(token))
        .send({ notes: 'بوابة ٣', expectedCount: 12 })
        .expect(200);

      const stored = await Donation.findByPk(donation.id);
      expect(stored).to.include({ notes: 'بوابة ٣', expectedCount: 12, status: 'pledged' });
    });

    it('when a technician patches a donation, returns 403 and changes nothing', async () => {
      const { token } = await signIn('technician');
      const donation = await createDonation({ status: 'received' });

      await api().patch(`/api/donations/${donation.id}`).set(bearer(token)).send({ status: 'closed' }).expect(403);

      expect((await Donation.findByPk(donation.id))?.status).to.equal('received');
    });

    it('when the status is not a donation status, returns 400 naming status', async () => {
      const { token } = await signIn('manager');
      const donation = await createDonation();

      const res = await api()
        .patch(`/api/donations/${donation.id}`)
        .set(bearer(token))
        .send({ status: 'lost' })
        .expect(400);

      expect((res.body as ErrorBodyOf<FieldErrorDto[]>).error.details!.map((d) => d.path)).to.deep.equal(['status']);
    });

    it('when the site does not exist, returns 422 naming siteId and changes nothing', async () => {
      const { token } = await signIn('manager');
      const donation = await createDonation();

      const res = await api()
        .patch(`/api/donations/${donation.id}`)
        .set(bearer(token))
        .send({ siteId: 9999, notes: 'x' })
        .expect(422);

      expect((res.body as ErrorBodyOf<FieldErrorDto[]>).error.details).to.deep.equal([
        { path: 'siteId', message: 'does not exist' },
      ]);
      expect(await Donation.findByPk(donation.id)).to.include({ siteId: null, notes: null });
    });

    it('when the id is unknown, returns 404', async () => {
      const { token } = await signIn('manager');

      const res = await api().patch('/api/donations/999999').set(bearer(token)).send({ status: 'closed' }).expect(404);

      expect((res.body as ErrorBodyOf).error.code).to.equal('NOT_FOUND');
    });
  });
});
