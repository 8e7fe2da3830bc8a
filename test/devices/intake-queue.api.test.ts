import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { createDonation, signIn } from '../helpers/factories.js';
import { backdate, createDeviceRecord } from '../helpers/more-factories.js';
import { Donation } from '../../server/modules/donations/donations.model.js';
import type { IntakeQueueDto } from '../../server/shared/index.js';

type Queue = IntakeQueueDto & { totals: { pledges: number; devices: number } };

async function queue(token: string, query = ''): Promise<Queue> {
  return (await api().get(`/api/intake-queue${query}`).set(bearer(token)).expect(200)).body as Queue;
}

describe('GET /api/intake-queue', () => {
  it('when devices wait in intake for different times, lists them oldest first with their age in whole days', async () => {
    const { token } = await signIn('technician');
    const donation = await createDonation();
    const fresh = await createDeviceRecord({ donationId: donation.id });
    const week = await createDeviceRecord({ donationId: donation.id });
    const twoDays = await createDeviceRecord({ donationId: donation.id });
    await backdate('devices', 'status_changed_at', week.id, 7.5);
    await backdate('devices', 'status_changed_at', twoDays.id, 2.1);

    const body = await queue(token);

    expect(body.devices.map((d) => [d.id, d.ageDays])).to.deep.equal([
      [week.id, 7],
      [twoDays.id, 2],
      [fresh.id, 0],
    ]);
    expect(body.devices[0]).to.include({ assetTag: week.assetTag, status: 'intake', donationCode: donation.code });
    expect(body.totals).to.deep.equal({ pledges: 0, devices: 3 });
  });

  it('when devices have left intake, does not list them', async () => {
    const { token } = await signIn('viewer');
    const waiting = await createDeviceRecord();
    await createDeviceRecord({ status: 'repair' });
    await createDeviceRecord({ status: 'wipe' });
    await createDeviceRecord({ status: 'handed_over' });

    const body = await queue(token);

    expect(body.devices.map((d) => d.id)).to.deep.equal([waiting.id]);
    expect(body.totals.devices).to.equal(1);
  });

  it('when pledged and scheduled donations wait, lists them oldest first with their age, and leaves out received and closed ones', async () => {
    const { token } = await signIn('viewer');
    const newest = await createDonation({ status: 'pledged' });
    const oldest = await createDonation({ status: 'scheduled' });
    const middle = await createDonation({ status: 'pledged' });
    await createDonation({ status: 'received' });
    await createDonation({ status: 'closed' });
    await backdate('donations', 'created_at', oldest.id, 30.2);
    await backdate('donations', 'created_at', middle.id, 3.9);

    const body = await queue(token);

    expect(body.pledges.map((p) => [p.id, p.status, p.ageDays])).to.deep.equal([
      [oldest.id, 'scheduled', 30],
      [middle.id, 'pledged', 3],
      [newest.id, 'pledged', 0],
    ]);
    expect(body.pledges[0]).to.include({ code: oldest.code, donorName: 'شركة الخليج للتقنية' });
    expect(body.totals.pledges).to.equal(3);
    expect(body.devices).to.deep.equal([]);
  });

  it('when a device returned to intake long after it was created, counts its age from its return', async () => {
    const { token } = await signIn('viewer');
    const device = await createDeviceRecord();
    await backdate('devices', 'created_at', device.id, 90);
    await backdate('devices', 'status_changed_at', device.id, 1);

    const body = await queue(token);

    expect(body.devices.map((d) => [d.id, d.ageDays])).to.deep.equal([[device.id, 1]]);
  });

  it('when limit=2 is asked for, returns the two oldest of each list and the full totals', async () => {
    const { token } = await signIn('viewer');
    const devices = [];
    for (let i = 0; i < 3; i += 1) devices.push(await createDeviceRecord());
    await backdate('devices', 'status_changed_at', devices[2].id, 5);

    const body = await queue(token, '?limit=2');

    expect(body.devices.map((d) => d.id)).to.deep.equal([devices[2].id, devices[0].id]);
    expect(body.totals.devices).to.equal(3);
  });

  it('when a pledge came through the public form, shows it exactly as the donation page does, plus its age', async () => {
    const { token } = await signIn('viewer');
    const pledged = await api()
      .post('/api/public/pledges')
      .send({
        donor: { kind: 'individual', name: 'سارة', phone: '0551234567', email: '', city: 'الخبر' },
        items: [
          { type: 'laptop', count: 2, description: 'old but working' },
          { type: 'monitor', count: 1 },
        ],
        preferredPickupDate: '2026-12-01',
        website: '',
      })
      .expect(201);
    const stored = await Donation.findOne({ where: { code: (pledged.body as { code: string }).code } });
    const donation = (await api().get(`/api/donations/${stored!.id}`).set(bearer(token)).expect(200)).body as Record<
      string,
      unknown
    >;

    const body = await queue(token);

    expect(body.pledges).to.have.length(1);
    const { ageDays, ...shown } = body.pledges[0];
    expect(ageDays).to.equal(0);
    for (const [key, value] of Object.entries(shown)) expect(donation[key], key).to.deep.equal(value);
    expect(shown).to.include({ donorName: 'سارة', preferredPickupDate: '2026-12-01', status: 'pledged' });
    expect(shown.pledgeItems).to.have.length(2);
  });

  it('when more than 50 devices wait and no limit is given, returns the 50 oldest and the full total', async () => {
    const { token } = await signIn('viewer');
    const donation = await createDonation();
    const devices = [];
    for (let i = 0; i < 52; i += 1) devices.push(await createDeviceRecord({ donationId: donation.id }));
    await backdate('devices', 'status_changed_at', devices[51].id, 3);

    const body = await queue(token);

    expect(body.devices).to.have.length(50);
    expect(body.devices[0].id).to.equal(devices[51].id);
    expect(body.devices.map((d) => d.id)).to.not.include(devices[50].id);
    expect(body.totals.devices).to.equal(52);
  });

  it('when limit is above 200, returns 400', async () => {
    const { token } = await signIn('viewer');

    await api().get('/api/intake-queue?limit=201').set(bearer(token)).expect(400);
  });

  it('when nobody is signed in, returns 401', async () => {
    await api().get('/api/intake-queue').expect(401);
  });
});
