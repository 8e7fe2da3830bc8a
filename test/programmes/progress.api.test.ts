// The programme's progress and its honest forecast, through the API: GET /api/programmes/:id/progress and the
// dashboard's programmes[] give the same figures, from handovers recorded (backdated) through POST …/handover.
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { createBeneficiary, SIGNATURE_PNG } from '../helpers/beneficiaries.js';
import { readyDevice } from '../helpers/workshop.js';
import { Allocation } from '../../server/modules/allocations/allocations.model.js';

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const today = () => Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());

describe('programme progress and forecast (API)', () => {
  let manager: string;
  let tech: string;
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
    tech = (await signIn('technician')).token;
  });

  async function createProgramme(body: Record<string, unknown>): Promise<number> {
    return (await api().post('/api/programmes').set(bearer(manager)).send(body).expect(201)).body.id;
  }

  async function handOver(programmeId: number, daysAgo: number): Promise<void> {
    const device = await readyDevice(tech);
    const b = await createBeneficiary(manager);
    const a = await api()
      .post('/api/allocations')
      .set(bearer(manager))
      .send({ deviceId: device.id, beneficiaryId: b.id, programmeId })
      .expect(201);
    await api()
      .post(`/api/allocations/${a.body.id}/handover`)
      .set(bearer(manager))
      .send({
        receivedBy: 'أم خالد',
        signature: SIGNATURE_PNG,
        handedOverAt: new Date(Date.now() - daysAgo * DAY_MS).toISOString(),
      })
      .expect(200);
  }

  async function progressBoth(programmeId: number) {
    const progress = (await api().get(`/api/programmes/${programmeId}/progress`).set(bearer(tech)).expect(200)).body;
    const dashboard = (await api().get('/api/reports/dashboard').set(bearer(tech)).expect(200)).body;
    const onDashboard = dashboard.programmes.find((p: { programmeId: number }) => p.programmeId === programmeId);
    expect(onDashboard, 'the dashboard gives the same progress as the progress route').to.deep.equal(progress);
    return progress;
  }

  it('when 9 handovers span 5 weeks, says not enough data; the 10th gives a date at the observed pace, and the pace needed by the end date', async function () {
    this.timeout(240_000);
    // Ends in 365 days counting today: 12 months.
    const endsOn = day(today() + 364 * DAY_MS);
    const id = await createProgramme({ name: 'Phase 1', targetFamilies: 49, endsOn });
    // The first handover 35.5 days ago, the others within the last 4 weeks.
    for (const daysAgo of [35.5, 27, 21, 14, 10, 7, 5, 3, 1]) await handOver(id, daysAgo);
    expect(await Allocation.count({ where: { programmeId: id, status: 'handed_over' } })).to.equal(9);

    const nine = await progressBoth(id);
    expect(nine).to.include({ servedFamilies: 9, forecastCompletionDate: null });
    expect(nine.forecast).to.deep.include({
      status: 'not_enough_data',
      date: null,
      remaining: 40,
      handoversSoFar: 9,
      firstHandoverOn: day(Date.now() - 35.5 * DAY_MS),
      daysOfData: 35,
      weeksOfData: 5,
      pacePerMonth: null,
      endsOn,
      endPassed: false,
      daysLeft: 365,
      monthsLeft: 12,
      paceNeededPerMonth: 4, // 40 × 30.44 / 365 = 3.34, rounded up
    });

    await handOver(id, 0.5);
    const ten = await progressBoth(id);
    // 10 handovers in 35.5 days, 39 to go: 39 × 35.5 / 10 = 138.45, so 139 days from today.
    const date = day(today() + 139 * DAY_MS);
    expect(ten).to.include({ servedFamilies: 10, last30DaysRate: 9, forecastCompletionDate: date });
    expect(ten.forecast).to.deep.include({
      status: 'projected',
      date,
      remaining: 39,
      handoversSoFar: 10,
      pacePerMonth: 8.6,
      paceNeededPerMonth: 4,
    });
  });

  it('when a single handover was made today, gives no date (not 2,000 months away) and still the pace needed', async () => {
    const id = await createProgramme({ name: 'Phase 2', targetFamilies: 2000, endsOn: day(today() + 29 * DAY_MS) });
    await handOver(id, 0);
    const res = await progressBoth(id);
    expect(res).to.include({ forecastCompletionDate: null, last30DaysRate: 1 });
    // 1,999 to go in 30 days: 1,999 × 30.44 / 30 = 2,028.2, rounded up.
    expect(res.forecast).to.deep.include({
      status: 'not_enough_data',
      handoversSoFar: 1,
      daysOfData: 0,
      daysLeft: 30,
      monthsLeft: 1,
      paceNeededPerMonth: 2029,
    });
  });

  it('when the end date has passed, says so and asks for no pace; without an end date, none either', async () => {
    const ended = await createProgramme({
      name: 'Ended',
      targetFamilies: 100,
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
    });
    const open = await createProgramme({ name: 'Open-ended', targetStudents: 100 });
    const past = await progressBoth(ended);
    expect(past.forecast).to.deep.include({
      status: 'not_enough_data',
      handoversSoFar: 0,
      firstHandoverOn: null,
      endsOn: '2025-12-31',
      endPassed: true,
      daysLeft: null,
      monthsLeft: null,
      paceNeededPerMonth: null,
    });
    const none = await progressBoth(open);
    expect(none.forecast).to.deep.include({ endsOn: null, endPassed: false, paceNeededPerMonth: null });
  });

  it('when the target is reached, says complete', async () => {
    const id = await createProgramme({ name: 'Small', targetFamilies: 1, endsOn: day(today() + 100 * DAY_MS) });
    await handOver(id, 2);
    const res = await progressBoth(id);
    expect(res).to.include({ percent: 100, forecastCompletionDate: null });
    expect(res.forecast).to.deep.include({ status: 'complete', remaining: 0, paceNeededPerMonth: null });
  });
});
