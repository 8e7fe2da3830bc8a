// The handover gate the allocations module asks (spec §14): trainingGateFor() says what training is still missing
// for a beneficiary under a programme's rule, or null when nothing is.
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { createBeneficiary } from '../helpers/beneficiaries.js';
import { FOUR_DATES, addSessions, createCourse, enrol, enrolNew, markPresent } from '../helpers/training.js';
import { courseExists, trainingGateFor } from '../../server/modules/training/index.js';
import type { CourseDto, CourseSessionDto } from '../../server/shared/index.js';

describe('trainingGateFor (the handover gate)', () => {
  let manager: string;
  let course: CourseDto;
  let sessions: CourseSessionDto[];
  const rule = (attendanceThreshold = 75) => ({ requiresTraining: true, courseId: course.id, attendanceThreshold });
  beforeEach(async () => {
    manager = (await signIn('manager')).token;
    course = await createCourse(manager);
    sessions = await addSessions(manager, course.id, FOUR_DATES);
  });

  it('when the programme requires no training (or names no course), is null', async () => {
    const b = await createBeneficiary(manager);

    expect(await trainingGateFor(b.id, { requiresTraining: false, courseId: course.id, attendanceThreshold: 75 })).to.be
      .null;
    expect(await trainingGateFor(b.id, { requiresTraining: true, courseId: null, attendanceThreshold: 75 })).to.be.null;
  });

  it('when the beneficiary is not enrolled, names the course and every session still needed', async () => {
    const b = await createBeneficiary(manager);

    expect(await trainingGateFor(b.id, rule())).to.deep.equal({
      courseId: course.id,
      courseTitleAr: course.titleAr,
      courseTitleEn: course.titleEn,
      enrolmentId: null,
      attendancePercent: 0,
      attendanceThreshold: 75,
      sessionsMissing: 3,
    });
  });

  it('when enrolled with 1 of 4 sessions attended, 2 more are missing for 75 % and 3 for 100 %', async () => {
    const trainee = await enrolNew(manager, course.id);
    await markPresent(manager, course.id, sessions[0].id, [trainee.id]);

    const at75 = await trainingGateFor(trainee.beneficiaryId, rule());
    const at100 = await trainingGateFor(trainee.beneficiaryId, rule(100));

    expect(at75).to.include({ enrolmentId: trainee.id, attendancePercent: 25, sessionsMissing: 2 });
    expect(at100).to.include({ attendanceThreshold: 100, sessionsMissing: 3 });
  });

  it("when the programme's threshold is reached but the course (75 %) is not completed, nothing is missing but completion", async () => {
    const trainee = await enrolNew(manager, course.id);
    for (const s of sessions.slice(0, 2)) await markPresent(manager, course.id, s.id, [trainee.id]);

    expect(await trainingGateFor(trainee.beneficiaryId, rule(50))).to.include({
      enrolmentId: trainee.id,
      attendancePercent: 50,
      sessionsMissing: 0,
    });
  });

  it('when the beneficiary completed the course, is null', async () => {
    const trainee = await enrolNew(manager, course.id);
    for (const s of sessions.slice(0, 3)) await markPresent(manager, course.id, s.id, [trainee.id]);

    expect(await trainingGateFor(trainee.beneficiaryId, rule())).to.equal(null);
    expect(await trainingGateFor(trainee.beneficiaryId, rule(100)), 'completed is completed').to.equal(null);
  });

  it('when the beneficiary dropped out, they count as not enrolled', async () => {
    const b = await createBeneficiary(manager);
    const e = await enrol(manager, course.id, b.id);
    await markPresent(manager, course.id, sessions[0].id, [e.id]);
    await api().post(`/api/enrolments/${e.id}/drop`).set(bearer(manager)).expect(200);

    expect(await trainingGateFor(b.id, rule())).to.include({
      enrolmentId: null,
      attendancePercent: 0,
      sessionsMissing: 3,
    });
  });

  it('courseExists tells a course id from an unknown one', async () => {
    expect(await courseExists(course.id)).to.equal(true);
    expect(await courseExists(course.id + 1000)).to.equal(false);
  });
});
