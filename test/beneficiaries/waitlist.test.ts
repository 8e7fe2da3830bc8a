import { expect } from 'chai';
import { rankedWaitlist } from '../../server/modules/beneficiaries/index.js';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { createBeneficiary, createPartner, DAY_MS, setRow } from './helpers.js';

const HOUR_MS = 3_600_000;
const ago = (days: number, hours = 1) => new Date(Date.now() - days * DAY_MS - hours * HOUR_MS);

interface WaitlistItem {
  rank: number;
  score: number;
  breakdown: Record<string, number>;
  beneficiary: { id: number; name: string; status: string };
}

/** Seven beneficiaries: four eligible with known scores (two of them tied), three that must never appear. */
async function seed(token: string): Promise<Record<'top' | 'mid' | 'tieNewer' | 'tieOlder', number>> {
  const partner = await createPartner(token);
  const make = async (fields: Record<string, unknown>, status: string, createdAt: Date) => {
    const b = await createBeneficiary(token, fields);
    await setRow(b.id, { status, createdAt });
    return b.id;
  };
  const neediest = { monthlyIncome: 0, householdSize: 8, schoolChildren: 4, partnerId: partner.id };
  const ids = {
    top: await make({ ...neediest, need: 'laptop' }, 'waitlisted', ago(200)),
    mid: await make({ monthlyIncome: 3000, householdSize: 6, schoolChildren: 3, need: 'desktop' }, 'verified', ago(90)),
    tieNewer: await make(
      { monthlyIncome: 4000, householdSize: 4, schoolChildren: 1, need: 'any' },
      'verified',
      ago(5, 1),
    ),
    tieOlder: await make(
      { monthlyIncome: 4000, householdSize: 4, schoolChildren: 1, need: 'any' },
      'verified',
      ago(5, 3),
    ),
  };
  await make(neediest, 'applied', ago(300));
  await make(neediest, 'allocated', ago(300));
  const rejected = await createBeneficiary(token, neediest);
  await api()
    .patch(`/api/beneficiaries/${rejected.id}`)
    .set(bearer(token))
    .send({ status: 'rejected', rejectionReason: 'Moved away' })
    .expect(200);
  return ids;
}

const getWaitlist = async (token: string, query = '') =>
  (await api().get(`/api/waitlist?${query}`).set(bearer(token)).expect(200)).body as {
    items: WaitlistItem[];
    total: number;
    weights: Record<string, number>;
  };

describe('waitlist', () => {
  it('ranks only verified and waitlisted beneficiaries, highest score first, with the breakdown of each score', async () => {
    const { token } = await signIn('manager');
    const ids = await seed(token);

    const body = await getWaitlist(token);

    expect(body.total).to.equal(4);
    expect(body.items.map((i) => i.beneficiary.id)).to.deep.equal([ids.top, ids.mid, ids.tieOlder, ids.tieNewer]);
    expect(body.items.map((i) => i.rank)).to.deep.equal([1, 2, 3, 4]);
    expect(body.items[0]).to.deep.include({
      score: 100,
      breakdown: { incomePerMember: 40, householdSize: 15, schoolChildren: 20, daysWaiting: 15, partnerReferral: 10 },
    });
    expect(body.items[1]).to.deep.include({
      score: 63.21,
      breakdown: {
        incomePerMember: 30,
        householdSize: 10.71,
        schoolChildren: 15,
        daysWaiting: 7.5,
        partnerReferral: 0,
      },
    });
    // 1000 per member: 40 × 0.5 = 20; 3/7 × 15 = 6.43; 1/4 × 20 = 5; 5/180 × 15 = 0.42.
    expect(body.items[2].score).to.equal(31.85);
    expect(body.items[3].score).to.equal(31.85);
    for (const item of body.items) {
      const sum = Object.values(item.breakdown).reduce((a, b) => a + b, 0);
      expect(item.score).to.be.closeTo(sum, 0.001);
    }
    expect(body.items[0].beneficiary).to.include({ name: 'أسرة العتيبي', status: 'waitlisted' });
    expect(body.weights).to.include({ incomePerMember: 40, incomeCeilingPerMember: 2000 });
  });

  it('pages on the server over the whole ranking: pages of one concatenate to the full order with no overlap', async () => {
    const { token } = await signIn('manager');
    const ids = await seed(token);

    const pages = [];
    for (let page = 1; page <= 5; page += 1) pages.push(await getWaitlist(token, `pageSize=1&page=${page}`));

    expect(pages.map((p) => p.total)).to.deep.equal([4, 4, 4, 4, 4]);
    expect(pages.flatMap((p) => p.items.map((i) => i.beneficiary.id))).to.deep.equal([
      ids.top,
      ids.mid,
      ids.tieOlder,
      ids.tieNewer,
    ]);
    expect(pages.flatMap((p) => p.items.map((i) => i.rank))).to.deep.equal([1, 2, 3, 4]);
    expect(pages[4].items).to.deep.equal([]);
  });

  it('when filtered by the device on offer, keeps those who need it or any device', async () => {
    const { token } = await signIn('manager');
    const ids = await seed(token);

    expect((await getWaitlist(token, 'need=laptop')).items.map((i) => i.beneficiary.id)).to.deep.equal([
      ids.top,
      ids.tieOlder,
      ids.tieNewer,
    ]);
    expect((await getWaitlist(token, 'need=desktop')).items.map((i) => i.beneficiary.id)).to.deep.equal([
      ids.mid,
      ids.tieOlder,
      ids.tieNewer,
    ]);
    expect((await getWaitlist(token, 'need=any')).total).to.equal(4);
    await api().get('/api/waitlist?need=tablet').set(bearer(token)).expect(400);
  });

  it('rankedWaitlist gives the allocations module model instances with score and breakdown, paged by limit/offset', async () => {
    const { token } = await signIn('manager');
    const ids = await seed(token);

    const { items, total } = await rankedWaitlist({ limit: 2, offset: 1 });

    expect(total).to.equal(4);
    expect(items.map((i) => i.beneficiary.id)).to.deep.equal([ids.mid, ids.tieOlder]);
    expect(items[0].beneficiary).to.include({
      need: 'desktop',
      status: 'verified',
      householdSize: 6,
      monthlyIncome: 3000,
    });
    expect(items[0]).to.include({ score: 63.21 });
    expect(items[0].breakdown).to.include({ partnerReferral: 0 });
  });

  it('when a beneficiary leaves the waitlist, it drops out of the ranking', async () => {
    const { token } = await signIn('manager');
    const ids = await seed(token);

    await api()
      .patch(`/api/beneficiaries/${ids.top}`)
      .set(bearer(token))
      .send({ status: 'rejected', rejectionReason: 'Moved abroad' })
      .expect(200);

    const body = await getWaitlist(token);
    expect(body.total).to.equal(3);
    expect(body.items[0].beneficiary.id).to.equal(ids.mid);
  });
});
