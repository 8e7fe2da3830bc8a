// PATCH /api/programmes/:id (spec §14): training, selection and the application form's settings, stored as sent,
// refused field by field when wrong, and nothing written on a refusal.
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { Programme } from '../../server/modules/programmes/programmes.model.js';
import { createCourse } from '../helpers/training.js';

const WEIGHTS = {
  incomePerMember: 30,
  householdSize: 10,
  schoolChildren: 10,
  daysWaiting: 10,
  partnerReferral: 10,
  incomeCeilingPerMember: 1800,
  committee: 30,
};

describe('programme rules (PATCH /api/programmes/:id)', () => {
  let manager: string;
  let id: number;
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
    id = (await api().post('/api/programmes').set(bearer(manager)).send({ name: 'Bootcamp' }).expect(201)).body.id;
  });

  it('a new programme is open to all, with the default weights and no training', async () => {
    const res = await api().get(`/api/programmes/${id}`).set(bearer(manager)).expect(200);
    expect(res.body).to.include({
      requiresTraining: false,
      courseId: null,
      attendanceThreshold: 75,
      committeeScoring: false,
      applicationsOpen: false,
      weights: null,
    });
    expect(res.body.eligibility).to.deep.equal({
      kinds: [],
      minAge: null,
      maxAge: null,
      regionCodes: [],
      maxIncomePerMember: null,
    });
  });

  it('stores eligibility, weights, committee scoring and the application form as sent', async () => {
    const eligibility = {
      kinds: ['student'],
      minAge: 18,
      maxAge: 30,
      regionCodes: ['SA-01'],
      maxIncomePerMember: 1500,
    };
    const res = await api()
      .patch(`/api/programmes/${id}`)
      .set(bearer(manager))
      .send({ eligibility, weights: WEIGHTS, committeeScoring: true, applicationsOpen: true, attendanceThreshold: 80 })
      .expect(200);
    expect(res.body).to.deep.include({ eligibility, weights: WEIGHTS, committeeScoring: true, applicationsOpen: true });
    const row = await Programme.findByPk(id);
    expect(JSON.parse(row!.eligibility!)).to.deep.equal(eligibility);
    expect(JSON.parse(row!.weights!)).to.deep.equal(WEIGHTS);
    expect(row!.attendanceThreshold).to.equal(80);
    await api().patch(`/api/programmes/${id}`).set(bearer(manager)).send({ weights: null }).expect(200);
    expect((await Programme.findByPk(id))!.weights).to.equal(null);
  });

  it('refuses bad rules naming each field, and writes nothing', async () => {
    const res = await api()
      .patch(`/api/programmes/${id}`)
      .set(bearer(manager))
      .send({
        attendanceThreshold: 0,
        eligibility: { kinds: ['alien'], minAge: 30, maxAge: 18, regionCodes: ['XX-99'] },
        weights: { ...WEIGHTS, committee: -1 },
      })
      .expect(400);
    const paths = (res.body.error.details as Array<{ path: string }>).map((d) => d.path);
    expect(paths).to.include.members([
      'attendanceThreshold',
      'eligibility.kinds.0',
      'eligibility.regionCodes.0',
      'weights.committee',
    ]);
    await api().patch(`/api/programmes/${id}`).set(bearer(manager)).send({}).expect(400);
    const row = await Programme.findByPk(id);
    expect(row!.attendanceThreshold).to.equal(75);
    expect(row!.eligibility).to.equal(null);
  });

  it('an age range must not be upside down', async () => {
    const res = await api()
      .patch(`/api/programmes/${id}`)
      .set(bearer(manager))
      .send({ eligibility: { minAge: 30, maxAge: 18 } })
      .expect(400);
    expect(res.body.error.details[0]).to.include({ type: 'ageRange.order' });
  });

  it('training needs a course: requiresTraining without one, or an unknown course, is a 400 on courseId', async () => {
    const a = await api()
      .patch(`/api/programmes/${id}`)
      .set(bearer(manager))
      .send({ requiresTraining: true })
      .expect(400);
    expect(a.body.error.details[0]).to.include({ path: 'courseId' });
    const b = await api().patch(`/api/programmes/${id}`).set(bearer(manager)).send({ courseId: 999 }).expect(400);
    expect(b.body.error.details[0]).to.include({ path: 'courseId' });
    expect((await Programme.findByPk(id))!.requiresTraining).to.equal(false);
  });

  it('training with an existing course is accepted and stored', async () => {
    const course = await createCourse(manager);

    const res = await api()
      .patch(`/api/programmes/${id}`)
      .set(bearer(manager))
      .send({ requiresTraining: true, courseId: course.id, attendanceThreshold: 80 })
      .expect(200);

    expect(res.body).to.include({ requiresTraining: true, courseId: course.id, attendanceThreshold: 80 });
    expect((await Programme.findByPk(id))!.toJSON()).to.include({
      requiresTraining: true,
      courseId: course.id,
      attendanceThreshold: 80,
    });
  });

  it('technicians and viewers may not change a programme; an unknown one is a 404', async () => {
    const tech = (await signIn('technician')).token;
    await api().patch(`/api/programmes/${id}`).set(bearer(tech)).send({ applicationsOpen: true }).expect(403);
    await api().patch('/api/programmes/9999').set(bearer(manager)).send({ applicationsOpen: true }).expect(404);
  });
});
