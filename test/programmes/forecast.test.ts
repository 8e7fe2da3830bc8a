import { expect } from 'chai';
import { forecast, paceWindowStart, type ForecastInput } from '../../server/modules/programmes/programmes.forecast.js';
import { FORECAST_RULES } from '../../server/shared/index.js';

const NOW = new Date('2026-12-06T12:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
// 40 handovers over 40 days (one a day, all inside the 56-day window), 1,000 to go, no end date.
const base: ForecastInput = {
  served: 40,
  target: 1040,
  handovers: 40,
  firstHandoverAt: daysAgo(40),
  handoversInPaceWindow: 40,
  endsOn: null,
  now: NOW,
};

describe('programme forecast (pure)', () => {
  it('the rules are the documented ones: 10 handovers, 28 days, an 8-week pace, a 10-year horizon', () => {
    expect(FORECAST_RULES).to.deep.equal({ minHandovers: 10, minDays: 28, paceWindowDays: 56, horizonYears: 10 });
    expect(paceWindowStart(NOW).toISOString()).to.equal('2026-10-11T12:00:00.000Z');
  });

  it('when there is no handover yet, says not enough data, with 0 handovers and 0 days', () => {
    const f = forecast({ ...base, served: 0, handovers: 0, firstHandoverAt: null, handoversInPaceWindow: 0 });
    expect(f).to.deep.include({
      status: 'not_enough_data',
      date: null,
      remaining: 1040,
      handoversSoFar: 0,
      firstHandoverOn: null,
      daysOfData: 0,
      weeksOfData: 0,
      pacePerMonth: null,
    });
  });

  it('when a single handover was made today, gives no date (the old rule printed a date 2,000 months away)', () => {
    const f = forecast({ ...base, served: 1, handovers: 1, firstHandoverAt: daysAgo(0), handoversInPaceWindow: 1 });
    expect(f.status).to.equal('not_enough_data');
    expect(f.date).to.equal(null);
  });

  it('when 9 handovers span 50 days, says not enough data; with the 10th, projects a date', () => {
    const at = (n: number) =>
      forecast({
        ...base,
        served: n,
        target: 66,
        handovers: n,
        firstHandoverAt: daysAgo(50),
        handoversInPaceWindow: n,
      });
    expect(at(9)).to.deep.include({ status: 'not_enough_data', date: null, handoversSoFar: 9, weeksOfData: 7 });
    // 10 handovers in 50 days (0.2 a day), 56 to go: 280 days.
    expect(at(10)).to.deep.include({ status: 'projected', date: '2027-09-12', handoversSoFar: 10, pacePerMonth: 6.1 });
  });

  it('when the first handover was 27 days and 23 hours ago, says not enough data; at 28 days, projects', () => {
    const almost = forecast({ ...base, firstHandoverAt: new Date(daysAgo(28).getTime() + 3_600_000) });
    expect(almost).to.deep.include({ status: 'not_enough_data', daysOfData: 27, weeksOfData: 3 });
    const enough = forecast({ ...base, firstHandoverAt: daysAgo(28) });
    expect(enough).to.deep.include({ status: 'projected', daysOfData: 28, weeksOfData: 4 });
  });

  it('projects today + remaining / (handovers a day) days, the pace over the history while it is shorter than 8 weeks', () => {
    // 40 handovers in 40 days: 1 a day, 1,000 to go: 1,000 days after 2026-12-06.
    const f = forecast(base);
    expect(f).to.deep.include({
      status: 'projected',
      date: '2029-09-01',
      remaining: 1000,
      handoversSoFar: 40,
      firstHandoverOn: '2026-10-27',
      daysOfData: 40,
      weeksOfData: 5,
      pacePerMonth: 30.4,
    });
  });

  it('when the history is longer than 8 weeks, the pace is the last 8 weeks only (a drive that slowed is forecast slower)', () => {
    // 300 handovers over a year, but only 28 in the last 56 days: half a handover a day, 200 to go: 400 days.
    const f = forecast({
      ...base,
      served: 300,
      target: 500,
      handovers: 300,
      firstHandoverAt: daysAgo(365),
      handoversInPaceWindow: 28,
    });
    expect(f).to.deep.include({ status: 'projected', date: '2028-01-10', pacePerMonth: 15.2 });
  });

  it('when enough history but no handover in the last 8 weeks, says stalled and gives no date', () => {
    const f = forecast({ ...base, firstHandoverAt: daysAgo(200), handoversInPaceWindow: 0 });
    expect(f).to.deep.include({ status: 'stalled', date: null, pacePerMonth: 0 });
  });

  it('when the date would be more than 10 years away, says beyond the horizon and prints no date', () => {
    // 10 handovers in 56 days, 1,000,000 to go: 15,300 years at this pace.
    const far = forecast({
      ...base,
      served: 10,
      target: 1_000_010,
      handovers: 10,
      firstHandoverAt: daysAgo(56),
      handoversInPaceWindow: 10,
    });
    expect(far).to.deep.include({ status: 'beyond_horizon', date: null });
    // Ten years to the day (3,653 days from 2026-12-06) is still printed; a day more is not.
    const edge = forecast({ ...base, target: 40 + 3653 });
    expect(edge).to.deep.include({ status: 'projected', date: '2036-12-06' });
    const over = forecast({ ...base, target: 40 + 3654 });
    expect(over.status).to.equal('beyond_horizon');
  });

  it('when the target is reached, says complete, with nothing remaining and no pace needed', () => {
    const f = forecast({ ...base, served: 1040, handovers: 1040, endsOn: '2027-06-30' });
    expect(f).to.deep.include({ status: 'complete', date: null, remaining: 0, paceNeededPerMonth: null });
    // Also with fewer handovers than the 10 the forecast needs: complete is a fact, not a forecast.
    expect(forecast({ ...base, served: 3, target: 3, handovers: 3 }).status).to.equal('complete');
  });

  it('when the programme has no target, says so', () => {
    expect(forecast({ ...base, target: 0, served: 40 })).to.deep.include({ status: 'no_target', remaining: 0 });
  });

  it('with an end date, gives the handovers a month needed to finish by it, whatever the forecast', () => {
    // 2026-12-06 to 2027-12-05 both counted: 365 days, 12 months; 1,000 to go: 84 a month (83.4 rounded up).
    const f = forecast({ ...base, endsOn: '2027-12-05' });
    expect(f).to.deep.include({
      endsOn: '2027-12-05',
      endPassed: false,
      daysLeft: 365,
      monthsLeft: 12,
      paceNeededPerMonth: 84,
    });
    const early = forecast({ ...base, handovers: 2, endsOn: '2027-12-05' });
    expect(early).to.deep.include({ status: 'not_enough_data', paceNeededPerMonth: 84 });
  });

  it('on the last day, one day is left; the day after, the end date has passed and no pace is asked', () => {
    const last = forecast({ ...base, endsOn: '2026-12-06' });
    expect(last).to.deep.include({ endPassed: false, daysLeft: 1, monthsLeft: 0, paceNeededPerMonth: 30_438 });
    const passed = forecast({ ...base, endsOn: '2026-12-05' });
    expect(passed).to.deep.include({
      endsOn: '2026-12-05',
      endPassed: true,
      daysLeft: null,
      monthsLeft: null,
      paceNeededPerMonth: null,
    });
    expect(passed.status).to.equal('projected');
  });

  it('without an end date, gives no months left and no pace needed', () => {
    expect(forecast(base)).to.deep.include({
      endsOn: null,
      endPassed: false,
      daysLeft: null,
      monthsLeft: null,
      paceNeededPerMonth: null,
    });
  });
});
