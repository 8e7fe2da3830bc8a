import { expect } from 'chai';
import request from 'supertest';
import { createApp } from '../../server/app.js';
import { config } from '../../server/config.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { rawSelect, rawWrite, type ErrorBodyOf } from '../helpers/more-factories.js';
import { Donation } from '../../server/modules/donations/donations.model.js';
import { Donor } from '../../server/modules/donors/donors.model.js';
import type { FieldErrorDto, IntakeQueueDto, PledgeResponse } from '../../server/shared/index.js';

const year = new Date().getUTCFullYear();

const sara = {
  donor: { kind: 'individual', name: 'سارة', phone: '0551234567', email: '', city: 'الخبر' },
  items: [
    { type: 'laptop', count: 2, description: 'old but working' },
    { type: 'monitor', count: 1 },
  ],
  preferredPickupDate: '2026-12-01',
  website: '',
};

describe('POST /api/public/pledges', () => {
  it('when someone without a login pledges devices, returns 201 with the code and pledged, and stores the donor and the pledge', async () => {
    const res = await api().post('/api/public/pledges').send(sara).expect(201);

    expect(res.body).to.deep.equal({ code: `DN-${year}-0001`, status: 'pledged' } satisfies PledgeResponse);
    const donors = await Donor.findAll();
    expect(donors).to.have.length(1);
    expect(donors[0]).to.include({
      kind: 'individual',
      name: 'سارة',
      phone: '+966551234567',
      email: null,
      city: 'الخبر',
      preferredLanguage: 'ar',
    });
    const donation = await Donation.findOne({ where: { code: `DN-${year}-0001` } });
    expect(donation).to.include({
      donorId: donors[0].id,
      channel: 'pledge',
      status: 'pledged',
      expectedCount: 3,
      receivedCount: 0,
      preferredPickupDate: '2026-12-01',
      createdBy: null,
    });
    expect(JSON.parse(donation!.pledgeItems!)).to.deep.equal([
      { type: 'laptop', count: 2, description: 'old but working' },
      { type: 'monitor', count: 1, description: '' },
    ]);
  });

  it('when a pledge was made, it appears in the intake queue pledges aged 0 days', async () => {
    const { token } = await signIn('technician');
    await api().post('/api/public/pledges').send(sara).expect(201);

    const res = await api().get('/api/intake-queue').set(bearer(token)).expect(200);

    const body = res.body as IntakeQueueDto;
    expect(body.pledges).to.have.length(1);
    expect(body.pledges[0]).to.include({
      code: `DN-${year}-0001`,
      status: 'pledged',
      donorName: 'سارة',
      ageDays: 0,
      expectedCount: 3,
    });
    expect(body.pledges[0].pledgeItems.map((i) => [i.type, i.count])).to.deep.equal([
      ['laptop', 2],
      ['monitor', 1],
    ]);
    expect(body.devices).to.deep.equal([]);
  });

  it('when the honeypot website is filled in, returns 400 naming website and stores nothing', async () => {
    const res = await api()
      .post('/api/public/pledges')
      .send({ ...sara, website: 'http://spam.example' })
      .expect(400);

    const body = res.body as ErrorBodyOf<FieldErrorDto[]>;
    expect(body.error.code).to.equal('VALIDATION_FAILED');
    expect(body.error.details!.map((d) => d.path)).to.deep.equal(['website']);
    expect(await Donor.count()).to.equal(0);
    expect(await Donation.count()).to.equal(0);
  });

  it('when the donor gives neither a phone nor an email, returns 400 and stores nothing', async () => {
    const res = await api()
      .post('/api/public/pledges')
      .send({ ...sara, donor: { ...sara.donor, phone: '', email: '' } })
      .expect(400);

    const body = res.body as ErrorBodyOf<FieldErrorDto[]>;
    expect(body.error.code).to.equal('VALIDATION_FAILED');
    expect(body.error.details).to.have.length(1);
    expect(body.error.details![0].path).to.equal('donor');
    expect(body.error.details![0].message).to.match(/phone or an email/);
    expect(await Donor.count()).to.equal(0);
    expect(await Donation.count()).to.equal(0);
  });

  it('when the donor gives only an email, returns 201 and stores the email in lower case', async () => {
    await api()
      .post('/api/public/pledges')
      .send({ ...sara, donor: { ...sara.donor, phone: '', email: 'Sara@Example.org' } })
      .expect(201);

    const donor = await Donor.findOne();
    expect(donor).to.include({ email: 'sara@example.org', phone: null });
  });

  it('when there are no items and the date is not a date, returns 400 naming items and preferredPickupDate', async () => {
    const res = await api()
      .post('/api/public/pledges')
      .send({ ...sara, items: [], preferredPickupDate: '01/12/2026' })
      .expect(400);

    expect((res.body as ErrorBodyOf<FieldErrorDto[]>).error.details!.map((d) => d.path).sort()).to.deep.equal([
      'items',
      'preferredPickupDate',
    ]);
    expect(await Donation.count()).to.equal(0);
  });

  it(`when one address sends more pledges than the limit (${config.publicRateLimitPer15Min} per 15 minutes), answers 429 RATE_LIMITED in the error shape`, async function () {
    this.timeout(30_000);
    const fresh = request(createApp());
    const limit = config.publicRateLimitPer15Min;
    const statuses: number[] = [];
    // Invalid pledges (a filled honeypot) count against the limit too, and write nothing but the limiter's count.
    for (let i = 0; i < limit; i += 1)
      statuses.push((await fresh.post('/api/public/pledges').send({ ...sara, website: 'x' })).status);

    const res = await fresh.post('/api/public/pledges').send(sara);

    expect(statuses).to.deep.equal(Array(limit).fill(400));
    expect(res.status).to.equal(429);
    const body = res.body as ErrorBodyOf<{ retryAfterSeconds: number }>;
    expect(body.error.code).to.equal('RATE_LIMITED');
    expect(body.error.message).to.be.a('string').and.not.empty;
    expect(body.error.requestId).to.equal(res.headers['x-request-id']);
    expect(body.error.details).to.deep.equal({ retryAfterSeconds: 900 });
    expect(res.headers['retry-after']).to.equal('900');
    expect(await Donation.count()).to.equal(0);
  });

  it('when one app instance used up the limit, another instance on the same database refuses too (the count is shared), until the window is over', async function () {
    this.timeout(30_000);
    const first = request(createApp());
    for (let i = 0; i < config.publicRateLimitPer15Min; i += 1)
      await first.post('/api/public/pledges').send({ ...sara, website: 'x' });
    await first.post('/api/public/pledges').send(sara).expect(429);

    const res = await request(createApp()).post('/api/public/pledges').send(sara);
    expect(res.status, 'a second instance counts into the same row').to.equal(429);
    expect(await Donation.count()).to.equal(0);

    // The window started with the first hit: once it is over, the next hit starts a new one in the same row.
    const fifteenMinutesAgo = Date.now() - 15 * 60_000;
    await rawWrite('UPDATE rate_limit_hits SET window_start = :fifteenMinutesAgo', { fifteenMinutesAgo });
    await request(createApp()).post('/api/public/pledges').send(sara).expect(201);
    expect(await rawSelect<{ hits: number }>('SELECT hits FROM rate_limit_hits')).to.deep.equal([{ hits: 1 }]);
  });
});
