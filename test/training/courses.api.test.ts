// Training courses over the API (spec §14): courses, sessions, enrolments and the waiting list, attendance and
// completion, redaction by role, and reads that write nothing. Each answer is checked against what was stored.
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { createBeneficiary } from '../helpers/beneficiaries.js';
import { verifiedInstitution } from '../helpers/batches.js';
import { countRows, createSite, rawSelect } from '../helpers/more-factories.js';
import {
  FOUR_DATES,
  addSessions,
  attendance,
  courseBody,
  createCourse,
  enrol,
  enrolNew,
  markPresent,
  storedEnrolment,
} from '../helpers/training.js';
import { Attendance, Course, CourseSession, Enrolment } from '../../server/modules/training/training.model.js';
import type { CourseDetailDto, EnrolmentDto } from '../../server/shared/index.js';

const pathsOf = (body: { error: { details: { path: string }[] } }) => body.error.details.map((d) => d.path);

describe('courses (POST/GET/PATCH /api/courses)', () => {
  let manager: string;
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
  });

  it('when a manager creates a course, answers 201 with it and stores it; it asks 75 % attendance by default', async () => {
    const res = await api().post('/api/courses').set(bearer(manager)).send(courseBody()).expect(201);

    expect(res.body).to.deep.include({
      titleAr: 'أساسيات الحاسب والتجارة الإلكترونية',
      titleEn: 'Computer Basics and E-commerce',
      hours: 12,
      mode: 'online',
      siteId: null,
      location: 'Zoom',
      trainer: 'م. سارة القحطاني',
      capacity: 20,
      startsOn: '2026-11-01',
      endsOn: '2026-11-30',
      attendanceThreshold: 75,
      sessions: [],
      enrolled: 0,
      waitlisted: 0,
      completed: 0,
      dropped: 0,
    });
    const row = await Course.findByPk(res.body.id);
    expect(row!.toJSON()).to.include({ titleEn: 'Computer Basics and E-commerce', capacity: 20, endsOn: '2026-11-30' });
  });

  it('when a course is at a site, it names an existing site (400 without, 422 for an unknown one); online names none', async () => {
    const site = await createSite();
    const atSite = await api()
      .post('/api/courses')
      .set(bearer(manager))
      .send(courseBody({ mode: 'site', siteId: site.id, location: 'القاعة 2' }))
      .expect(201);
    expect(atSite.body).to.include({ mode: 'site', siteId: site.id, location: 'القاعة 2' });

    const none = await api()
      .post('/api/courses')
      .set(bearer(manager))
      .send(courseBody({ mode: 'site' }))
      .expect(400);
    expect(pathsOf(none.body)).to.deep.equal(['siteId']);
    expect(none.body.error.details[0].type).to.equal('any.required');
    const unknown = await api()
      .post('/api/courses')
      .set(bearer(manager))
      .send(courseBody({ mode: 'site', siteId: 9999 }))
      .expect(422);
    expect(unknown.body.error).to.include({ code: 'REFERENCE_NOT_FOUND' });
    const online = await api()
      .post('/api/courses')
      .set(bearer(manager))
      .send(courseBody({ siteId: site.id }))
      .expect(400);
    expect(pathsOf(online.body)).to.deep.equal(['siteId']);
    expect(await countRows('courses')).to.equal(1);
  });

  it('when fields are missing or wrong, answers 400 naming each one and stores nothing', async () => {
    const missing = await api().post('/api/courses').set(bearer(manager)).send({}).expect(400);
    expect(pathsOf(missing.body)).to.have.members([
      'titleAr',
      'titleEn',
      'hours',
      'mode',
      'trainer',
      'capacity',
      'startsOn',
      'endsOn',
    ]);

    const wrong = await api()
      .post('/api/courses')
      .set(bearer(manager))
      .send(
        courseBody({
          titleAr: '',
          hours: 0,
          mode: 'hybrid',
          capacity: 0,
          trainer: 'x'.repeat(201),
          startsOn: '2026-02-30',
          endsOn: '1 Dec 2026',
        }),
      )
      .expect(400);
    const types = Object.fromEntries(
      wrong.body.error.details.map((d: { path: string; type: string }) => [d.path, d.type]),
    );
    expect(types).to.deep.equal({
      titleAr: 'string.empty',
      hours: 'number.min',
      mode: 'any.only',
      capacity: 'number.min',
      trainer: 'string.max',
      startsOn: 'date.invalid',
      endsOn: 'date.pattern',
    });

    const order = await api()
      .post('/api/courses')
      .set(bearer(manager))
      .send(courseBody({ startsOn: '2026-11-10', endsOn: '2026-11-09' }))
      .expect(400);
    expect(order.body.error.details[0]).to.include({ type: 'dateRange.order' });
    expect(await countRows('courses')).to.equal(0);
  });

  it('lists courses a page at a time, the latest to start first, with the total', async () => {
    for (const startsOn of ['2026-09-01', '2026-11-01', '2026-10-01'])
      await createCourse(manager, { startsOn, endsOn: '2026-12-31' });

    const first = await api().get('/api/courses?pageSize=2').set(bearer(manager)).expect(200);
    const second = await api().get('/api/courses?pageSize=2&page=2').set(bearer(manager)).expect(200);

    expect(first.body).to.include({ total: 3, page: 1, pageSize: 2 });
    expect(first.body.items.map((c: { startsOn: string }) => c.startsOn)).to.deep.equal(['2026-11-01', '2026-10-01']);
    expect(second.body.items.map((c: { startsOn: string }) => c.startsOn)).to.deep.equal(['2026-09-01']);
    const tooMany = await api().get('/api/courses?pageSize=201').set(bearer(manager)).expect(400);
    expect(pathsOf(tooMany.body)).to.deep.equal(['pageSize']);
  });

  it('when patched, stores what was sent and keeps the rest', async () => {
    const course = await createCourse(manager);

    const res = await api()
      .patch(`/api/courses/${course.id}`)
      .set(bearer(manager))
      .send({ titleEn: 'Digital Skills', capacity: 25, location: null })
      .expect(200);

    expect(res.body).to.include({ titleEn: 'Digital Skills', capacity: 25, location: null, titleAr: course.titleAr });
    expect((await Course.findByPk(course.id))!.toJSON()).to.include({
      titleEn: 'Digital Skills',
      capacity: 25,
      location: null,
      hours: 12,
    });
  });

  it('when a patch would not hold together, answers 400 naming the field and changes nothing', async () => {
    const course = await createCourse(manager, { capacity: 2 });
    await addSessions(manager, course.id, ['2026-11-03']);
    await enrolNew(manager, course.id);
    await enrolNew(manager, course.id);
    const patch = (body: Record<string, unknown>) =>
      api().patch(`/api/courses/${course.id}`).set(bearer(manager)).send(body).expect(400);

    expect(pathsOf((await patch({})).body)).to.have.length(1);
    expect((await patch({ endsOn: '2026-10-31' })).body.error.details[0]).to.include({
      path: 'endsOn',
      type: 'dateRange.order',
    });
    expect((await patch({ startsOn: '2026-11-05' })).body.error.details[0]).to.include({
      path: 'startsOn',
      type: 'dateRange.sessionsOutside',
    });
    expect((await patch({ capacity: 1 })).body.error.details[0]).to.include({ path: 'capacity', type: 'number.min' });
    expect((await patch({ mode: 'site' })).body.error.details[0]).to.include({ path: 'siteId', type: 'any.required' });
    expect((await patch({ hours: -1 })).body.error.details[0]).to.include({ path: 'hours' });

    expect((await Course.findByPk(course.id))!.toJSON()).to.include({
      startsOn: '2026-11-01',
      endsOn: '2026-11-30',
      capacity: 2,
      mode: 'online',
      hours: 12,
    });
    await api().patch('/api/courses/9999').set(bearer(manager)).send({ hours: 3 }).expect(404);
  });
});

describe('course sessions (POST /api/courses/:id/sessions)', () => {
  let manager: string;
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
  });

  it('when the date is within the course, adds the session; the course lists its sessions by date', async () => {
    const course = await createCourse(manager);

    const res = await api()
      .post(`/api/courses/${course.id}/sessions`)
      .set(bearer(manager))
      .send({ date: '2026-11-10' })
      .expect(201);
    await addSessions(manager, course.id, ['2026-11-03']);

    expect(res.body).to.deep.include({
      courseId: course.id,
      date: '2026-11-10',
      attendanceTaken: false,
      presentCount: 0,
      present: [],
    });
    const stored = await CourseSession.findAll({ where: { courseId: course.id }, order: [['date', 'ASC']] });
    expect(stored.map((s) => s.date)).to.deep.equal(['2026-11-03', '2026-11-10']);
    const read = await api().get(`/api/courses/${course.id}`).set(bearer(manager)).expect(200);
    expect(read.body.sessions.map((s: { date: string }) => s.date)).to.deep.equal(['2026-11-03', '2026-11-10']);
  });

  it('when the date is outside the course, answers 400 on date; twice the same day, 409 DUPLICATE_SESSION', async () => {
    const course = await createCourse(manager);
    await addSessions(manager, course.id, ['2026-11-03']);
    const post = (date: unknown) =>
      api().post(`/api/courses/${course.id}/sessions`).set(bearer(manager)).send({ date });

    const outside = await post('2026-12-01').expect(400);
    expect(outside.body.error.details[0]).to.include({ path: 'date', type: 'date.outsideCourse' });
    expect(outside.body.error.details[0].context).to.deep.equal({ min: '2026-11-01', max: '2026-11-30' });
    expect((await post('2026-11-31').expect(400)).body.error.details[0]).to.include({
      path: 'date',
      type: 'date.invalid',
    });
    expect((await post(undefined).expect(400)).body.error.details[0]).to.include({
      path: 'date',
      type: 'any.required',
    });
    const twice = await post('2026-11-03').expect(409);
    expect(twice.body.error).to.include({ code: 'DUPLICATE_SESSION' });
    expect(await countRows('course_sessions')).to.equal(1);
    await api().post('/api/courses/9999/sessions').set(bearer(manager)).send({ date: '2026-11-03' }).expect(404);
  });
});

describe('enrolments and the waiting list', () => {
  let manager: string;
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
  });

  it('when places remain, enrols the beneficiary with a trainee code; stored as enrolled', async () => {
    const course = await createCourse(manager);
    const b = await createBeneficiary(manager, { name: 'فاطمة الزهراني' });

    const res = await api()
      .post(`/api/courses/${course.id}/enrolments`)
      .set(bearer(manager))
      .send({ beneficiaryId: b.id })
      .expect(201);

    expect(res.body).to.deep.include({
      courseId: course.id,
      beneficiaryId: b.id,
      beneficiaryName: 'فاطمة الزهراني',
      status: 'enrolled',
      sessionsAttended: 0,
      sessionsHeld: 0,
      attendancePercent: 0,
      certificateCode: null,
      completedAt: null,
    });
    expect(res.body.traineeCode).to.match(/^TR-\d{4}-0001$/);
    const row = await storedEnrolment(res.body.id);
    expect(row.toJSON()).to.include({ status: 'enrolled', traineeCode: res.body.traineeCode, waitlistedAt: null });
  });

  it('when the course is full, waitlists; a drop moves the longest waiting up in the same request', async () => {
    const course = await createCourse(manager, { capacity: 2 });
    const a = await enrolNew(manager, course.id);
    const b = await enrolNew(manager, course.id);
    const c = await enrolNew(manager, course.id);
    const d = await enrolNew(manager, course.id);
    expect([a.status, b.status, c.status, d.status]).to.deep.equal([
      'enrolled',
      'enrolled',
      'waitlisted',
      'waitlisted',
    ]);

    const dropped = await api().post(`/api/enrolments/${a.id}/drop`).set(bearer(manager)).expect(200);

    expect(dropped.body).to.include({ id: a.id, status: 'dropped' });
    expect((await storedEnrolment(a.id)).droppedAt).to.be.instanceOf(Date);
    expect((await storedEnrolment(c.id)).status, 'the first waiting').to.equal('enrolled');
    expect((await storedEnrolment(d.id)).status, 'still waiting').to.equal('waitlisted');
    const read = await api().get(`/api/courses/${course.id}`).set(bearer(manager)).expect(200);
    expect(read.body).to.include({ enrolled: 2, waitlisted: 1, dropped: 1, completed: 0 });
  });

  it('when a waitlisted trainee drops, no place frees: nobody moves up', async () => {
    const course = await createCourse(manager, { capacity: 1 });
    await enrolNew(manager, course.id);
    const b = await enrolNew(manager, course.id);
    const c = await enrolNew(manager, course.id);

    await api().post(`/api/enrolments/${b.id}/drop`).set(bearer(manager)).expect(200);

    expect((await storedEnrolment(c.id)).status).to.equal('waitlisted');
  });

  it('when the capacity grows, the waiting list moves up into the new places', async () => {
    const course = await createCourse(manager, { capacity: 1 });
    await enrolNew(manager, course.id);
    const b = await enrolNew(manager, course.id);
    const c = await enrolNew(manager, course.id);

    await api().patch(`/api/courses/${course.id}`).set(bearer(manager)).send({ capacity: 2 }).expect(200);

    expect((await storedEnrolment(b.id)).status).to.equal('enrolled');
    expect((await storedEnrolment(c.id)).status).to.equal('waitlisted');
  });

  it('when the same beneficiary is enrolled twice, answers 409 ALREADY_ENROLLED and keeps one enrolment', async () => {
    const course = await createCourse(manager);
    const b = await createBeneficiary(manager);
    const first = await enrol(manager, course.id, b.id);

    const again = await api()
      .post(`/api/courses/${course.id}/enrolments`)
      .set(bearer(manager))
      .send({ beneficiaryId: b.id })
      .expect(409);

    expect(again.body.error).to.include({ code: 'ALREADY_ENROLLED' });
    expect(again.body.error.details).to.deep.equal({ enrolmentId: first.id, status: 'enrolled' });
    expect(await Enrolment.count({ where: { courseId: course.id } })).to.equal(1);
  });

  it('when a trainee who dropped out is enrolled again, their enrolment comes back with the same code', async () => {
    const course = await createCourse(manager);
    const b = await createBeneficiary(manager);
    const first = await enrol(manager, course.id, b.id);
    await api().post(`/api/enrolments/${first.id}/drop`).set(bearer(manager)).expect(200);

    const again = await api()
      .post(`/api/courses/${course.id}/enrolments`)
      .set(bearer(manager))
      .send({ beneficiaryId: b.id })
      .expect(200);

    expect(again.body).to.include({ id: first.id, status: 'enrolled', traineeCode: first.traineeCode });
    expect((await storedEnrolment(first.id)).toJSON()).to.include({ status: 'enrolled', droppedAt: null });
  });

  it('when the beneficiary is unknown, an institution or rejected, answers 422 naming beneficiaryId and stores nothing', async () => {
    const course = await createCourse(manager);
    const school = await verifiedInstitution(manager);
    const rejected = await createBeneficiary(manager, {}, 'applied');
    await api()
      .patch(`/api/beneficiaries/${rejected.id}`)
      .set(bearer(manager))
      .send({ status: 'rejected', rejectionReason: 'Duplicate file' })
      .expect(200);
    const post = (beneficiaryId: unknown) =>
      api().post(`/api/courses/${course.id}/enrolments`).set(bearer(manager)).send({ beneficiaryId });

    const unknown = await post(9999).expect(422);
    const institution = await post(school.id).expect(422);
    const refused = await post(rejected.id).expect(422);
    const invalid = await post('abc').expect(400);

    expect(unknown.body.error).to.include({ code: 'REFERENCE_NOT_FOUND' });
    expect(institution.body.error).to.include({ code: 'NOT_A_TRAINEE' });
    expect(refused.body.error).to.include({ code: 'NOT_A_TRAINEE' });
    for (const res of [unknown, institution, refused]) expect(pathsOf(res.body)).to.deep.equal(['beneficiaryId']);
    expect(pathsOf(invalid.body)).to.deep.equal(['beneficiaryId']);
    expect(await countRows('enrolments')).to.equal(0);
    await api()
      .post('/api/courses/9999/enrolments')
      .set(bearer(manager))
      .send({ beneficiaryId: school.id })
      .expect(404);
  });

  it('when two enrolments race for the last place, one is enrolled and the other waitlisted', async () => {
    const course = await createCourse(manager, { capacity: 1 });
    const [x, y] = [await createBeneficiary(manager), await createBeneficiary(manager)];

    const results = await Promise.all(
      [x, y].map((b) =>
        api().post(`/api/courses/${course.id}/enrolments`).set(bearer(manager)).send({ beneficiaryId: b.id }),
      ),
    );

    expect(results.map((r) => r.status)).to.deep.equal([201, 201]);
    expect(results.map((r) => r.body.status).sort()).to.deep.equal(['enrolled', 'waitlisted']);
    const stored = await Enrolment.findAll({ where: { courseId: course.id } });
    expect(stored.map((e) => e.status).sort()).to.deep.equal(['enrolled', 'waitlisted']);
    expect(new Set(stored.map((e) => e.traineeCode)).size).to.equal(2);
  });

  it('when a completed or dropped enrolment is dropped, answers 409 INVALID_TRANSITION; an unknown one 404', async () => {
    const course = await createCourse(manager);
    const a = await enrolNew(manager, course.id);
    await api().post(`/api/enrolments/${a.id}/drop`).set(bearer(manager)).expect(200);

    const again = await api().post(`/api/enrolments/${a.id}/drop`).set(bearer(manager)).expect(409);

    expect(again.body.error).to.include({ code: 'INVALID_TRANSITION' });
    expect((await storedEnrolment(a.id)).status).to.equal('dropped');
    await api().post('/api/enrolments/9999/drop').set(bearer(manager)).expect(404);
  });
});

describe('attendance (PUT /api/courses/:id/sessions/:sessionId/attendance) and completion', () => {
  let manager: string;
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
  });

  const presentAt = async (sessionId: number) =>
    (await Attendance.findAll({ where: { sessionId }, order: [['enrolmentId', 'ASC']] })).map((a) => a.enrolmentId);

  it('replaces the session attendance (not added to it), and counts each trainee again', async () => {
    const course = await createCourse(manager);
    const [s1] = await addSessions(manager, course.id, FOUR_DATES);
    const a = await enrolNew(manager, course.id);
    const b = await enrolNew(manager, course.id);

    const first = await markPresent(manager, course.id, s1.id, [a.id, b.id]);
    const second = await markPresent(manager, course.id, s1.id, [b.id]);

    expect(first).to.deep.include({ id: s1.id, attendanceTaken: true, presentCount: 2 });
    expect(second).to.deep.include({ presentCount: 1, present: [b.id] });
    expect(await presentAt(s1.id)).to.deep.equal([b.id]);
    // The course says who was present at each session, so a sheet taken again starts from it.
    const sheet = await api().get(`/api/courses/${course.id}`).set(bearer(manager)).expect(200);
    expect(sheet.body.sessions[0]).to.deep.include({ id: s1.id, present: [b.id] });
    expect((await storedEnrolment(a.id)).toJSON()).to.include({ sessionsAttended: 0, attendancePercent: 0 });
    expect((await storedEnrolment(b.id)).toJSON()).to.include({ sessionsAttended: 1, attendancePercent: 25 });
    const read = await api().get(`/api/enrolments/${b.id}`).set(bearer(manager)).expect(200);
    expect(read.body).to.include({ sessionsAttended: 1, sessionsHeld: 4, attendancePercent: 25, status: 'enrolled' });
    expect((await CourseSession.findByPk(s1.id))!.attendanceTakenAt).to.be.instanceOf(Date);
  });

  it('when an id is not an enrolment of this course, answers 422 naming present.N and keeps the attendance as it was', async () => {
    const course = await createCourse(manager);
    const other = await createCourse(manager);
    const [s1] = await addSessions(manager, course.id, ['2026-11-03']);
    const a = await enrolNew(manager, course.id);
    const stranger = await enrolNew(manager, other.id);
    await markPresent(manager, course.id, s1.id, [a.id]);

    const res = await attendance(manager, course.id, s1.id, [a.id, stranger.id, 9999]).expect(422);

    expect(res.body.error).to.include({ code: 'ENROLMENT_NOT_IN_COURSE' });
    expect(pathsOf(res.body)).to.deep.equal(['present.1', 'present.2']);
    expect(await presentAt(s1.id)).to.deep.equal([a.id]);
  });

  it('when a waitlisted or dropped trainee is marked present, answers 422 ENROLMENT_NOT_ACTIVE', async () => {
    const course = await createCourse(manager, { capacity: 1 });
    const [s1] = await addSessions(manager, course.id, ['2026-11-03']);
    const a = await enrolNew(manager, course.id);
    const waiting = await enrolNew(manager, course.id);
    const leaving = await enrolNew(manager, course.id);
    await api().post(`/api/enrolments/${leaving.id}/drop`).set(bearer(manager)).expect(200);

    const res = await attendance(manager, course.id, s1.id, [a.id, waiting.id, leaving.id]).expect(422);

    expect(res.body.error).to.include({ code: 'ENROLMENT_NOT_ACTIVE' });
    expect(pathsOf(res.body)).to.deep.equal(['present.1', 'present.2']);
    expect(await presentAt(s1.id)).to.deep.equal([]);
    expect((await CourseSession.findByPk(s1.id))!.attendanceTakenAt).to.equal(null);
  });

  it('when the body is not a list of distinct ids, answers 400; a session of another course is a 404', async () => {
    const course = await createCourse(manager);
    const other = await createCourse(manager);
    const [s1] = await addSessions(manager, course.id, ['2026-11-03']);
    const [o1] = await addSessions(manager, other.id, ['2026-11-03']);
    const a = await enrolNew(manager, course.id);

    const notList = await api()
      .put(`/api/courses/${course.id}/sessions/${s1.id}/attendance`)
      .set(bearer(manager))
      .send({ present: 'all' })
      .expect(400);
    const twice = await attendance(manager, course.id, s1.id, [a.id, a.id]).expect(400);
    const bad = await attendance(manager, course.id, s1.id, [a.id, -3] as number[]).expect(400);

    expect(pathsOf(notList.body)).to.deep.equal(['present']);
    expect(twice.body.error.details[0]).to.include({ path: 'present.1', type: 'array.unique' });
    expect(pathsOf(bad.body)).to.deep.equal(['present.1']);
    await attendance(manager, course.id, o1.id, [a.id]).expect(404);
    expect(await countRows('attendances')).to.equal(0);
  });

  it('when the session is still to come, answers 422 SESSION_NOT_HELD_YET', async () => {
    const course = await createCourse(manager, { startsOn: '2026-11-01', endsOn: '2099-12-31' });
    const [later] = await addSessions(manager, course.id, ['2099-12-01']);
    const a = await enrolNew(manager, course.id);

    const res = await attendance(manager, course.id, later.id, [a.id]).expect(422);

    expect(res.body.error).to.include({ code: 'SESSION_NOT_HELD_YET' });
    expect(await countRows('attendances')).to.equal(0);
  });

  it('when a trainee reaches 75 % (3 of 4 sessions), completes them with a certificate code; 2 of 4 stays enrolled', async () => {
    const course = await createCourse(manager);
    const sessions = await addSessions(manager, course.id, FOUR_DATES);
    const a = await enrolNew(manager, course.id);
    const b = await enrolNew(manager, course.id);

    await markPresent(manager, course.id, sessions[0].id, [a.id, b.id]);
    await markPresent(manager, course.id, sessions[1].id, [a.id, b.id]);
    expect((await storedEnrolment(a.id)).status, 'at 50 %').to.equal('enrolled');
    await markPresent(manager, course.id, sessions[2].id, [a.id]);

    const done = await storedEnrolment(a.id);
    expect(done.toJSON()).to.include({ status: 'completed', sessionsAttended: 3, attendancePercent: 75 });
    expect(done.certificateCode).to.match(/^TC-\d{4}-[A-Z2-7]{10}$/);
    expect(done.completedAt).to.be.instanceOf(Date);
    expect((await storedEnrolment(b.id)).toJSON()).to.include({ status: 'enrolled', attendancePercent: 50 });
    const read = await api().get(`/api/enrolments/${a.id}`).set(bearer(manager)).expect(200);
    expect(read.body).to.include({ status: 'completed', attendancePercent: 75, certificateCode: done.certificateCode });
  });

  it('once completed, stays completed with its code even when attendance is taken away', async () => {
    const course = await createCourse(manager);
    const sessions = await addSessions(manager, course.id, FOUR_DATES);
    const a = await enrolNew(manager, course.id);
    for (const s of sessions.slice(0, 3)) await markPresent(manager, course.id, s.id, [a.id]);
    const code = (await storedEnrolment(a.id)).certificateCode;

    await markPresent(manager, course.id, sessions[2].id, []);
    await markPresent(manager, course.id, sessions[3].id, [a.id]);

    expect((await storedEnrolment(a.id)).toJSON()).to.include({
      status: 'completed',
      certificateCode: code,
      attendancePercent: 75,
    });
  });

  it('when a programme asks 100 % of this course, 3 of 4 does not complete and 4 of 4 does', async () => {
    const course = await createCourse(manager);
    const programme = await api().post('/api/programmes').set(bearer(manager)).send({ name: 'Bootcamp' }).expect(201);
    await api()
      .patch(`/api/programmes/${programme.body.id}`)
      .set(bearer(manager))
      .send({ requiresTraining: true, courseId: course.id, attendanceThreshold: 100 })
      .expect(200);
    const sessions = await addSessions(manager, course.id, FOUR_DATES);
    const a = await enrolNew(manager, course.id);

    for (const s of sessions.slice(0, 3)) await markPresent(manager, course.id, s.id, [a.id]);
    expect((await storedEnrolment(a.id)).toJSON()).to.include({ status: 'enrolled', attendancePercent: 75 });
    await markPresent(manager, course.id, sessions[3].id, [a.id]);

    expect((await storedEnrolment(a.id)).toJSON()).to.include({ status: 'completed', attendancePercent: 100 });
    const read = await api().get(`/api/courses/${course.id}`).set(bearer(manager)).expect(200);
    expect(read.body).to.include({ attendanceThreshold: 100, completed: 1, enrolled: 0 });
  });

  it('lets a technician take attendance', async () => {
    const technician = (await signIn('technician')).token;
    const course = await createCourse(manager);
    const [s1] = await addSessions(manager, course.id, ['2026-11-03']);
    const a = await enrolNew(manager, course.id);

    await markPresent(technician, course.id, s1.id, [a.id]);

    expect(await presentAt(s1.id)).to.deep.equal([a.id]);
  });
});

describe('training reads: redaction by role, and a GET writes nothing', () => {
  let manager: string;
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
  });

  it('gives managers the trainees by status then name; technicians and viewers no name and no certificate code', async () => {
    const course = await createCourse(manager, { capacity: 2 });
    const sessions = await addSessions(manager, course.id, ['2026-11-03']);
    const zaid = await enrolNew(manager, course.id, 'زيد الحربي');
    const amal = await enrolNew(manager, course.id, 'أمل الشهري');
    await enrolNew(manager, course.id, 'بدر العنزي');
    await markPresent(manager, course.id, sessions[0].id, [zaid.id]);

    const asManager = (await api().get(`/api/courses/${course.id}`).set(bearer(manager)).expect(200))
      .body as CourseDetailDto;
    expect(asManager.enrolments.map((e) => [e.beneficiaryName, e.status])).to.deep.equal([
      ['أمل الشهري', 'enrolled'],
      ['بدر العنزي', 'waitlisted'],
      ['زيد الحربي', 'completed'],
    ]);
    expect(asManager.enrolments[2].certificateCode).to.match(/^TC-/);

    for (const role of ['technician', 'viewer'] as const) {
      const token = (await signIn(role)).token;
      const course1 = (await api().get(`/api/courses/${course.id}`).set(bearer(token)).expect(200))
        .body as CourseDetailDto;
      expect(course1.enrolments.map((e) => e.beneficiaryName)).to.deep.equal([null, null, null]);
      expect(course1.enrolments.map((e) => e.certificateCode)).to.deep.equal([null, null, null]);
      expect(JSON.stringify(course1)).to.not.include('زيد').and.not.include('أمل');
      const one = (await api().get(`/api/enrolments/${amal.id}`).set(bearer(token)).expect(200)).body as EnrolmentDto;
      expect(one).to.include({ beneficiaryName: null, status: 'enrolled', traineeCode: amal.traineeCode });
    }
    await api().get('/api/enrolments/9999').set(bearer(manager)).expect(404);
    await api().get('/api/courses/9999').set(bearer(manager)).expect(404);
  });

  it('when courses and enrolments are read, no row changes', async () => {
    const course = await createCourse(manager);
    const sessions = await addSessions(manager, course.id, FOUR_DATES);
    const a = await enrolNew(manager, course.id);
    for (const s of sessions.slice(0, 3)) await markPresent(manager, course.id, s.id, [a.id]);
    const state = () =>
      rawSelect(
        `SELECT (SELECT COUNT(*) FROM enrolments) AS e, (SELECT MAX(updated_at) FROM enrolments) AS eu,
                (SELECT COUNT(*) FROM courses) AS c, (SELECT MAX(updated_at) FROM courses) AS cu,
                (SELECT MAX(updated_at) FROM course_sessions) AS su, (SELECT COUNT(*) FROM attendances) AS a,
                (SELECT COUNT(*) FROM sequences) AS q`,
      );
    const before = JSON.stringify(await state());

    for (const url of [
      '/api/courses',
      `/api/courses/${course.id}`,
      `/api/enrolments/${a.id}`,
      `/api/enrolments/${a.id}/certificate.pdf`,
      `/api/courses/${course.id}/cards.pdf`,
    ])
      await api().get(url).set(bearer(manager)).expect(200);

    expect(JSON.stringify(await state())).to.equal(before);
  });
});
