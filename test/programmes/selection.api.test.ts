// A programme's own waiting list and its committee's scores (spec §14): eligibility rule by rule with what each
// left out, the programme's weights and committee points in the order and the breakdown, paging, and who may see it.
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { rawSelect } from '../helpers/more-factories.js';
import { bornYearsAgo, idsOf, person, programmeWaitlist as waitlist, programmeWith } from '../helpers/selection.js';
import { ageOn, charityToday } from '../../server/modules/beneficiaries/index.js';
import { programmeWaitlist } from '../../server/modules/selection/selection.waitlist.js';
import { eligibilityFailures } from '../../server/modules/selection/selection.eligibility.js';
import type { Actor, Role } from '../../server/modules/auth/index.js';
import type { ProgrammeWeights } from '../../server/shared/index.js';

/** The country's defaults (SA) with a committee share of 30 points. */
const WITH_COMMITTEE: ProgrammeWeights = {
  incomePerMember: 40,
  householdSize: 15,
  schoolChildren: 20,
  daysWaiting: 15,
  partnerReferral: 10,
  incomeCeilingPerMember: 2000,
  committee: 30,
};
const NONE = { kind: 0, age: 0, region: 0, income: 0 };

describe('selection per programme: the waiting list (GET /api/programmes/:id/waitlist)', () => {
  let manager: string;
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
  });

  describe('eligibility, rule by rule', () => {
    it('kinds: lists only the kinds named, and counts the others under kind', async () => {
      const programme = await programmeWith(manager, { eligibility: { kinds: ['student'] } });
      const student = await person(manager, { kind: 'student' });
      await person(manager, { kind: 'family' });
      await person(manager, { kind: 'institution' });

      const list = await waitlist(manager, programme);

      expect(idsOf(list)).to.deep.equal([student.id]);
      expect(list.total).to.equal(1);
      expect(list.excluded).to.deep.equal({ ...NONE, kind: 2 });
      expect(list.eligibility.kinds).to.deep.equal(['student']);
    });

    it('age: keeps those whose age today is in the range; too young, too old and no birth date are left out', async () => {
      const programme = await programmeWith(manager, { eligibility: { minAge: 18, maxAge: 30 } });
      const inRange = await person(manager, { birthDate: bornYearsAgo(25) });
      const turns18Today = await person(manager, { birthDate: bornYearsAgo(18, 0) });
      await person(manager, { birthDate: bornYearsAgo(17) });
      await person(manager, { birthDate: bornYearsAgo(31) });
      await person(manager, { birthDate: null });

      const list = await waitlist(manager, programme);

      expect(idsOf(list)).to.have.members([inRange.id, turns18Today.id]);
      expect(list.excluded).to.deep.equal({ ...NONE, age: 3 });
    });

    it('age: without an age range, a person with no birth date is listed', async () => {
      const programme = await programmeWith(manager, { eligibility: { regionCodes: ['SA-01'] } });
      const noBirthDate = await person(manager, { birthDate: null });

      expect(idsOf(await waitlist(manager, programme))).to.deep.equal([noBirthDate.id]);
    });

    it('regions: keeps the regions listed; another region or none is left out', async () => {
      const programme = await programmeWith(manager, { eligibility: { regionCodes: ['SA-01', 'SA-02'] } });
      const riyadh = await person(manager, { regionCode: 'SA-01' });
      const makkah = await person(manager, { regionCode: 'SA-02' });
      await person(manager, { regionCode: 'SA-04' });
      await person(manager, { regionCode: null });

      const list = await waitlist(manager, programme);

      expect(idsOf(list)).to.have.members([riyadh.id, makkah.id]);
      expect(list.excluded).to.deep.equal({ ...NONE, region: 2 });
    });

    it('income: keeps a household whose income per member is at most the ceiling (institutions are not held to it)', async () => {
      const programme = await programmeWith(manager, { eligibility: { maxIncomePerMember: 500 } });
      const atCeiling = await person(manager, { householdSize: 6, monthlyIncome: 3000 });
      await person(manager, { householdSize: 6, monthlyIncome: 3006 });
      const school = await person(manager, { kind: 'institution' });

      const list = await waitlist(manager, programme);

      expect(idsOf(list)).to.deep.equal([atCeiling.id, school.id]);
      expect(list.excluded).to.deep.equal({ ...NONE, income: 1 });
    });

    it('counts each rule a candidate fails, among verified and waitlisted beneficiaries only', async () => {
      const programme = await programmeWith(manager, {
        eligibility: { kinds: ['family'], minAge: 18, maxAge: 60, regionCodes: ['SA-01'], maxIncomePerMember: 1000 },
      });
      const ok = await person(manager, {}, { status: 'waitlisted' });
      await person(manager, { kind: 'student', birthDate: bornYearsAgo(70), regionCode: 'SA-04', monthlyIncome: 9000 });
      await person(manager, { regionCode: 'SA-04' });
      // Applied (not yet verified): not on any waiting list, so not counted either.
      await person(manager, { regionCode: 'SA-04' }, { status: 'applied' });

      const list = await waitlist(manager, programme);

      expect(idsOf(list)).to.deep.equal([ok.id]);
      expect(list.total).to.equal(1);
      expect(list.excluded).to.deep.equal({ kind: 1, age: 1, region: 2, income: 1 });
    });

    it('counts age in whole years on today’s date where the charity is (a birthday counts on the day)', () => {
      const today = charityToday();
      expect(ageOn(bornYearsAgo(18, 0), today)).to.equal(18);
      expect(ageOn(bornYearsAgo(18, -1), today)).to.equal(17);
      expect(ageOn('2008-02-29', '2026-02-28')).to.equal(17);
      expect(ageOn('2008-02-29', '2026-03-01')).to.equal(18);
      const rules = { kinds: [], minAge: null, maxAge: 17, regionCodes: [], maxIncomePerMember: null };
      const row = { kind: 'student' as const, regionCode: null, householdSize: 1, monthlyIncome: 0 };
      expect(eligibilityFailures({ ...row, birthDate: '2008-02-29' }, rules, '2026-02-28')).to.deep.equal([]);
      expect(eligibilityFailures({ ...row, birthDate: '2008-02-29' }, rules, '2026-03-01')).to.deep.equal([
        { rule: 'age', field: 'maxAge' },
      ]);
    });
  });

  it("ranks by the programme's weights (the country's by default), and says which weights it used", async () => {
    // A: a large household with no income; B: a smaller, richer one with four school-age children.
    const a = await person(manager, { householdSize: 8, monthlyIncome: 0, schoolChildren: 0 });
    const b = await person(manager, { householdSize: 4, monthlyIncome: 4000, schoolChildren: 4 });
    const byDefault = await programmeWith(manager);
    const schooling: ProgrammeWeights = {
      incomePerMember: 0,
      householdSize: 0,
      schoolChildren: 100,
      daysWaiting: 0,
      partnerReferral: 0,
      incomeCeilingPerMember: 2000,
      committee: 0,
    };
    const forSchooling = await programmeWith(manager, { weights: schooling });

    const first = await waitlist(manager, byDefault);
    const second = await waitlist(manager, forSchooling);

    expect(idsOf(first)).to.deep.equal([a.id, b.id]);
    expect(first.weights).to.deep.equal({ ...WITH_COMMITTEE, committee: 0 });
    expect(first.items[0].breakdown).to.include({ incomePerMember: 40, householdSize: 15, schoolChildren: 0 });
    expect(idsOf(second)).to.deep.equal([b.id, a.id]);
    expect(second.weights).to.deep.equal(schooling);
    expect(second.items[0]).to.deep.include({
      rank: 1,
      score: 100,
      breakdown: {
        incomePerMember: 0,
        householdSize: 0,
        schoolChildren: 100,
        daysWaiting: 0,
        partnerReferral: 0,
        committee: 0,
      },
      committeeScore: null,
      applicationReference: null,
    });
    // The charity's own list keeps the country's weights.
    const charity = await api().get('/api/waitlist').set(bearer(manager)).expect(200);
    expect(charity.body.items.map((i: { beneficiary: { id: number } }) => i.beneficiary.id)).to.deep.equal([
      a.id,
      b.id,
    ]);
  });

  describe('the committee score (PUT /api/programmes/:id/committee-scores/:beneficiaryId)', () => {
    it('adds committee × score / 10 points, moves the scored ahead, and records who scored and when', async () => {
      const programme = await programmeWith(manager, { committeeScoring: true, weights: WITH_COMMITTEE });
      const older = await person(manager, {}, { appliedDaysAgo: 20 });
      const newer = await person(manager, {}, { appliedDaysAgo: 10 });
      const before = await waitlist(manager, programme);
      expect(idsOf(before)).to.deep.equal([older.id, newer.id]);
      expect(before.items[1].committeeScore).to.equal(null);

      const scorer = (await signIn('admin')).token;
      const t0 = Date.now();
      const res = await api()
        .put(`/api/programmes/${programme}/committee-scores/${newer.id}`)
        .set(bearer(scorer))
        .send({ score: 7.5, note: 'مقابلة جيدة' })
        .expect(200);

      expect(res.body).to.include({ programmeId: programme, beneficiaryId: newer.id, score: 7.5, note: 'مقابلة جيدة' });
      expect(res.body.scoredByName).to.be.a('string').and.not.empty;
      expect(new Date(res.body.scoredAt).getTime()).to.be.within(t0 - 1000, Date.now() + 1000);
      const after = await waitlist(manager, programme);
      expect(idsOf(after)).to.deep.equal([newer.id, older.id]);
      const top = after.items[0];
      expect(top.breakdown.committee).to.equal(22.5);
      const family = Object.entries(top.breakdown)
        .filter(([k]) => k !== 'committee')
        .reduce((sum, [, v]) => sum + v, 0);
      expect(top.score).to.be.closeTo(family + 22.5, 0.011);
      expect(top.committeeScore).to.deep.equal(res.body);
      expect(after.items[1].breakdown.committee).to.equal(0);

      // Scored again by another manager: the score is replaced, with the new scorer and time.
      const again = await api()
        .put(`/api/programmes/${programme}/committee-scores/${newer.id}`)
        .set(bearer(manager))
        .send({ score: 0 })
        .expect(200);
      expect(again.body).to.include({ score: 0, note: null });
      expect(idsOf(await waitlist(manager, programme))).to.deep.equal([older.id, newer.id]);
      const rows = await rawSelect<{ score: string | number; scored_by: number; note: string | null }>(
        'SELECT score, scored_by, note FROM committee_scores',
      );
      expect(rows.map((r) => [Number(r.score), r.scored_by, r.note])).to.deep.equal([[0, again.body.scoredBy, null]]);
      expect(again.body.scoredBy).to.not.equal(res.body.scoredBy);
      const audits = await rawSelect<{ action: string; actor_id: number; fields: string }>(
        "SELECT action, actor_id, fields FROM beneficiary_audit WHERE beneficiary_id = :id AND action = 'committee_scored' ORDER BY id",
        { id: newer.id },
      );
      expect(audits.map((a) => [a.actor_id, a.fields])).to.deep.equal([
        [res.body.scoredBy, '["committeeScore"]'],
        [again.body.scoredBy, '["committeeScore"]'],
      ]);
    });

    it('refuses with 409 COMMITTEE_SCORING_OFF when the programme does not score by committee, and stores nothing', async () => {
      const programme = await programmeWith(manager, { weights: WITH_COMMITTEE });
      const b = await person(manager);

      const res = await api()
        .put(`/api/programmes/${programme}/committee-scores/${b.id}`)
        .set(bearer(manager))
        .send({ score: 9 })
        .expect(409);

      expect(res.body.error.code).to.equal('COMMITTEE_SCORING_OFF');
      expect(await rawSelect('SELECT id FROM committee_scores')).to.deep.equal([]);
      // And the list gives no committee points even though the weights name a committee share.
      expect((await waitlist(manager, programme)).items[0].breakdown.committee).to.equal(0);
    });

    it('answers 404 for an unknown programme or beneficiary, and 400 naming score for a score off the scale', async () => {
      const programme = await programmeWith(manager, { committeeScoring: true });
      const b = await person(manager);
      const put = (p: number, id: number, body: object) =>
        api().put(`/api/programmes/${p}/committee-scores/${id}`).set(bearer(manager)).send(body);

      expect((await put(999_999, b.id, { score: 5 })).status).to.equal(404);
      expect((await put(programme, 999_999, { score: 5 })).status).to.equal(404);
      for (const score of [7.3, 10.5, -0.5, 'high']) {
        const res = await put(programme, b.id, { score });
        expect(res.status, String(score)).to.equal(400);
        expect(res.body.error.details.map((d: { path: string }) => d.path)).to.deep.equal(['score']);
      }
      expect(await rawSelect('SELECT id FROM committee_scores')).to.deep.equal([]);
    });
  });

  it('ranks institutions after every person (when the kinds allow them), by committee points, then request date', async () => {
    const programme = await programmeWith(manager, { committeeScoring: true, weights: WITH_COMMITTEE });
    const poor = await person(manager, { monthlyIncome: 0 });
    const olderSchool = await person(manager, { kind: 'institution' }, { appliedDaysAgo: 30 });
    const newerSchool = await person(manager, { kind: 'institution' }, { appliedDaysAgo: 5 });
    const rich = await person(manager, { monthlyIncome: 20000, householdSize: 1, schoolChildren: 0 });

    expect(idsOf(await waitlist(manager, programme))).to.deep.equal([poor.id, rich.id, olderSchool.id, newerSchool.id]);
    await api()
      .put(`/api/programmes/${programme}/committee-scores/${newerSchool.id}`)
      .set(bearer(manager))
      .send({ score: 10 })
      .expect(200);
    const list = await waitlist(manager, programme);
    expect(idsOf(list)).to.deep.equal([poor.id, rich.id, newerSchool.id, olderSchool.id]);
    expect(list.items[2]).to.deep.include({ score: 30 });
    expect(list.items[2].breakdown).to.include({ incomePerMember: 0, committee: 30 });
  });

  it('pages on the server: pages concatenate to the whole order, ranks run on, total counts every eligible one', async () => {
    const programme = await programmeWith(manager, { eligibility: { regionCodes: ['SA-01'] } });
    for (const income of [500, 4000, 1500, 3000, 0]) await person(manager, { monthlyIncome: income });
    await person(manager, { need: 'desktop' });

    const whole = await waitlist(manager, programme, { need: 'laptop', pageSize: 50 });
    const pages = [1, 2, 3].map((page) => waitlist(manager, programme, { need: 'laptop', page, pageSize: 2 }));
    const got = await Promise.all(pages);

    expect(whole.total).to.equal(5);
    expect(got.flatMap(idsOf)).to.deep.equal(idsOf(whole));
    expect(got.flatMap((p) => p.items.map((i) => i.rank))).to.deep.equal([1, 2, 3, 4, 5]);
    expect(got.map((p) => [p.total, p.page, p.pageSize, p.items.length])).to.deep.equal([
      [5, 1, 2, 2],
      [5, 2, 2, 2],
      [5, 3, 2, 1],
    ]);
    const scores = whole.items.map((i) => i.score);
    expect(scores).to.deep.equal([...scores].sort((x, y) => y - x));
    expect((await waitlist(manager, programme)).total).to.equal(6);
    const bad = await api().get(`/api/programmes/${programme}/waitlist?pageSize=500`).set(bearer(manager)).expect(400);
    expect(bad.body.error.details[0].path).to.equal('pageSize');
  });

  it('is for managers like GET /api/waitlist: the record with the masked ID and birth date, never the ID itself', async () => {
    const programme = await programmeWith(manager);
    const b = await person(manager, { birthDate: '2001-09-30' });
    for (const role of ['technician', 'viewer', 'partner'] as Role[]) {
      const { token } = await signIn(role);
      await api().get(`/api/programmes/${programme}/waitlist`).set(bearer(token)).expect(403);
      await api()
        .put(`/api/programmes/${programme}/committee-scores/${b.id}`)
        .set(bearer(token))
        .send({ score: 5 })
        .expect(403);
    }
    await api().get(`/api/programmes/${programme}/waitlist`).expect(401);
    await api().get('/api/programmes/999999/waitlist').set(bearer(manager)).expect(404);

    const res = await api().get(`/api/programmes/${programme}/waitlist`).set(bearer(manager)).expect(200);
    expect(res.body.items[0].beneficiary).to.include({
      redacted: false,
      nationalIdMasked: `******${b.nationalId.slice(-4)}`,
      birthDate: '2001-09-30',
    });
    expect(res.text).not.to.contain(b.nationalId);

    // The same page built for a role that sees beneficiaries redacted carries no personal data (as toBeneficiaryDto).
    const viewer: Actor = { id: 1, role: 'viewer', name: 'v', email: 'v@example.org', partnerId: null };
    const redacted = await programmeWaitlist(programme, { page: 1, pageSize: 50 }, viewer);
    expect(redacted.items[0].beneficiary).to.include({ redacted: true, birthDate: null });
    expect(redacted.items[0].beneficiary).not.to.have.any.keys('name', 'phone', 'nationalIdMasked');
  });
});
