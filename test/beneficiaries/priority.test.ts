import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../server/config.js';
import {
  byPriority,
  DEFAULT_PRIORITY_WEIGHTS,
  priorityScore,
  priorityWeightsFor,
  type PriorityInput,
} from '../../server/modules/beneficiaries/beneficiaries.priority.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const W = DEFAULT_PRIORITY_WEIGHTS.SA;
const base: PriorityInput = {
  householdSize: 6,
  monthlyIncome: 3000,
  schoolChildren: 3,
  partnerId: 1,
  appliedAt: daysAgo(90),
};

describe('priority score (pure)', () => {
  it('when the spec example family waited 90 days, gives the documented points per factor and their sum', () => {
    const { score, breakdown } = priorityScore(base, W, NOW);

    // 3000 / 6 = 500 per member: 40 × (1 − 500/2000) = 30; (6−1)/7 × 15 = 10.71; 3/4 × 20 = 15; 90/180 × 15 = 7.5; 10.
    expect(breakdown).to.deep.equal({
      incomePerMember: 30,
      householdSize: 10.71,
      schoolChildren: 15,
      daysWaiting: 7.5,
      partnerReferral: 10,
    });
    expect(score).to.equal(73.21);
  });

  it('when income per member is lower, scores higher; at or above the ceiling income gives nothing', () => {
    const poorer = priorityScore({ ...base, monthlyIncome: 1200 }, W, NOW).breakdown.incomePerMember;
    const richer = priorityScore({ ...base, monthlyIncome: 6000 }, W, NOW).breakdown.incomePerMember;
    expect(poorer).to.be.greaterThan(30);
    expect(richer).to.be.lessThan(30);
    expect(priorityScore({ ...base, monthlyIncome: 12_000 }, W, NOW).breakdown.incomePerMember).to.equal(0);
    expect(priorityScore({ ...base, monthlyIncome: 50_000 }, W, NOW).breakdown.incomePerMember).to.equal(0);
    expect(priorityScore({ ...base, monthlyIncome: 0 }, W, NOW).breakdown.incomePerMember).to.equal(40);
  });

  it('saturates household size at 8, school children at 4 and waiting at 180 days, and never goes negative', () => {
    const big = priorityScore(
      { ...base, householdSize: 15, schoolChildren: 9, appliedAt: daysAgo(400) },
      W,
      NOW,
    ).breakdown;
    expect(big).to.include({ householdSize: 15, schoolChildren: 20, daysWaiting: 15 });
    const small = priorityScore(
      { ...base, householdSize: 1, schoolChildren: 0, partnerId: null, appliedAt: daysAgo(-3) },
      W,
      NOW,
    ).breakdown;
    expect(small).to.include({ householdSize: 0, schoolChildren: 0, daysWaiting: 0, partnerReferral: 0 });
  });

  it('counts whole days only, so applications of the same day wait the same', () => {
    const morning = priorityScore({ ...base, appliedAt: new Date('2026-11-15T06:00:00Z') }, W, NOW);
    const later = priorityScore({ ...base, appliedAt: new Date('2026-11-15T11:00:00Z') }, W, NOW);
    expect(morning.breakdown.daysWaiting).to.equal(later.breakdown.daysWaiting);
  });

  it('uses the configured weights, keeping defaults for keys left out', () => {
    const w = priorityWeightsFor('SA', { partnerReferral: 0, daysWaiting: 30 });
    expect(w).to.deep.equal({ ...W, partnerReferral: 0, daysWaiting: 30 });
    expect(priorityScore(base, w, NOW).breakdown).to.include({ partnerReferral: 0, daysWaiting: 15 });
    expect(priorityWeightsFor('MA').incomeCeilingPerMember).to.equal(1500);
  });

  it('orders by score, then the older application, then the lower id', () => {
    const rows = [
      { id: 4, score: 50, appliedAt: daysAgo(1) },
      { id: 3, score: 70, appliedAt: daysAgo(1) },
      { id: 2, score: 50, appliedAt: daysAgo(5) },
      { id: 1, score: 50, appliedAt: daysAgo(1) },
    ];
    expect(rows.sort(byPriority).map((r) => r.id)).to.deep.equal([3, 2, 1, 4]);
  });
});

describe('PRIORITY_WEIGHTS configuration', () => {
  it('when unset, gives no overrides', () => {
    expect(loadConfig({}).priorityWeights).to.deep.equal({});
  });
  it('when set to JSON, keeps the given keys', () => {
    expect(
      loadConfig({ PRIORITY_WEIGHTS: '{"daysWaiting":25,"incomeCeilingPerMember":1800}' }).priorityWeights,
    ).to.deep.equal({ daysWaiting: 25, incomeCeilingPerMember: 1800 });
  });
  for (const bad of [
    'not json',
    '[1,2]',
    '{"colour":3}',
    '{"daysWaiting":-1}',
    '{"incomeCeilingPerMember":0}',
    '{"daysWaiting":"5"}',
  ]) {
    it(`when set to ${bad}, throws a ConfigError naming PRIORITY_WEIGHTS`, () => {
      expect(() => loadConfig({ PRIORITY_WEIGHTS: bad })).to.throw(ConfigError, 'PRIORITY_WEIGHTS');
    });
  }
});
