// Deterministic races behind the soak test's findings: requests that contend for one device or one allocation
// must each get a clean answer (one winner, 409 for the rest), never 503 DB_BUSY from a deadlock. On SQLite the
// write queue serialises them; the case that matters is MariaDB/MySQL (CI's second run).
import { expect } from 'chai';
import { verifiedBeneficiary } from '../documents/documents.helpers.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { readyDevice } from '../helpers/workshop.js';
import { PNG } from '../helpers/fixtures.js';

const tally = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

describe('races on one device or one allocation', function () {
  this.timeout(60_000);
  let token: string;
  beforeEach(async () => {
    token = (await signIn('manager')).token;
  });

  it('when 8 allocations of one ready device to 8 families race, exactly one wins and the others get 409', async () => {
    for (let round = 0; round < 3; round += 1) {
      const device = await readyDevice(token);
      const families = await Promise.all(Array.from({ length: 8 }, () => verifiedBeneficiary(token)));
      const answers = await Promise.all(
        families.map((b) =>
          api().post('/api/allocations').set(bearer(token)).send({ deviceId: device.id, beneficiaryId: b.id }),
        ),
      );
      expect(tally(answers.map((r) => r.status)), `round ${round}`).to.deep.equal({ 201: 1, 409: 7 });
    }
  });

  it('when 4 ready devices are allocated to one family at once, exactly one wins and the others get 409', async () => {
    const devices = [];
    for (let i = 0; i < 4; i += 1) devices.push(await readyDevice(token));
    const family = await verifiedBeneficiary(token);
    const answers = await Promise.all(
      devices.map((d) =>
        api().post('/api/allocations').set(bearer(token)).send({ deviceId: d.id, beneficiaryId: family.id }),
      ),
    );
    expect(tally(answers.map((r) => r.status))).to.deep.equal({ 201: 1, 409: 3 });
  });

  it('when a handover and a cancellation of one allocation race, exactly one wins and the other gets 409', async () => {
    for (let round = 0; round < 3; round += 1) {
      const device = await readyDevice(token);
      const family = await verifiedBeneficiary(token);
      const allocation = await api()
        .post('/api/allocations')
        .set(bearer(token))
        .send({ deviceId: device.id, beneficiaryId: family.id })
        .expect(201);
      const [handover, cancel] = await Promise.all([
        api()
          .post(`/api/allocations/${allocation.body.id}/handover`)
          .set(bearer(token))
          .send({ receivedBy: 'Race Receiver', signature: `data:image/png;base64,${PNG.toString('base64')}` }),
        api().post(`/api/allocations/${allocation.body.id}/cancel`).set(bearer(token)).send({ reason: 'race' }),
      ]);
      expect([handover.status, cancel.status].sort(), `round ${round}`).to.deep.equal([200, 409]);
    }
  });
});
