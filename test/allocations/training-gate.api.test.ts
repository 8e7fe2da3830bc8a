// Training before handover (spec §14, issue 19 point 2): a programme with `requiresTraining` refuses the handover with
// 409 TRAINING_REQUIRED, naming the course and the attendance still missing, until the beneficiary completed it; an
// admin may override with a reason, which the allocation keeps and the device's history records.
import { expect } from 'chai';
import { api, bearer } from '../helpers/api.js';
import { signIn } from '../helpers/factories.js';
import { createBeneficiary, SIGNATURE_PNG } from '../helpers/beneficiaries.js';
import { readyDevice } from '../helpers/workshop.js';
import { FOUR_DATES, addSessions, createCourse, enrol, markPresent } from '../helpers/training.js';
import { rawSelect } from '../helpers/more-factories.js';
import { Allocation } from '../../server/modules/allocations/allocations.model.js';
import type { CourseDto, CourseSessionDto } from '../../server/shared/index.js';

const REASON = 'Completed the same course with another association in Jeddah';

describe('training before handover (409 TRAINING_REQUIRED, admin override)', () => {
  let admin: string;
  let manager: string;
  let tech: string;
  let course: CourseDto;
  let sessions: CourseSessionDto[];
  let programmeId: number;

  beforeEach(async () => {
    admin = (await signIn('admin')).token;
    manager = (await signIn('manager')).token;
    tech = (await signIn('technician')).token;
    course = await createCourse(manager);
    sessions = await addSessions(manager, course.id, FOUR_DATES);
    programmeId = (await api().post('/api/programmes').set(bearer(manager)).send({ name: 'أسر منتجة' }).expect(201))
      .body.id;
    await api()
      .patch(`/api/programmes/${programmeId}`)
      .set(bearer(manager))
      .send({ requiresTraining: true, courseId: course.id })
      .expect(200);
  });

  async function reserve(programme: number | undefined = programmeId) {
    const device = await readyDevice(tech);
    const beneficiary = await createBeneficiary(manager);
    const res = await api()
      .post('/api/allocations')
      .set(bearer(manager))
      .send({ deviceId: device.id, beneficiaryId: beneficiary.id, ...(programme && { programmeId: programme }) })
      .expect(201);
    return { allocationId: res.body.id as number, deviceId: device.id, beneficiaryId: beneficiary.id };
  }
  const handOver = (token: string, allocationId: number, extra: Record<string, unknown> = {}) =>
    api()
      .post(`/api/allocations/${allocationId}/handover`)
      .set(bearer(token))
      .send({ receivedBy: 'أم خالد', signature: SIGNATURE_PNG, ...extra });

  it('refuses a beneficiary not enrolled, naming the course and the 3 sessions missing, and writes nothing', async () => {
    const { allocationId, deviceId } = await reserve();

    const res = await handOver(manager, allocationId).expect(409);

    expect(res.body.error.code).to.equal('TRAINING_REQUIRED');
    expect(res.body.error.details).to.deep.equal({
      courseId: course.id,
      courseTitleAr: course.titleAr,
      courseTitleEn: course.titleEn,
      enrolmentId: null,
      attendancePercent: 0,
      attendanceThreshold: 75,
      sessionsMissing: 3,
    });
    expect((await Allocation.findByPk(allocationId))!.status).to.equal('reserved');
    const device = await api().get(`/api/devices/${deviceId}`).set(bearer(manager)).expect(200);
    expect(device.body.status).to.equal('allocated');
  });

  it('counts the attendance so far, then hands over once the course is completed', async () => {
    const { allocationId, beneficiaryId } = await reserve();
    const enrolment = await enrol(manager, course.id, beneficiaryId);
    await markPresent(manager, course.id, sessions[0].id, [enrolment.id]);

    const early = await handOver(manager, allocationId).expect(409);
    expect(early.body.error.details).to.include({
      enrolmentId: enrolment.id,
      attendancePercent: 25,
      sessionsMissing: 2,
    });

    for (const s of sessions.slice(1, 3)) await markPresent(manager, course.id, s.id, [enrolment.id]);
    const done = await handOver(manager, allocationId).expect(200);
    expect(done.body).to.include({ status: 'handed_over', trainingOverride: null });
  });

  it("follows the programme's threshold: at 100 % three sessions of four are not enough", async () => {
    await api().patch(`/api/programmes/${programmeId}`).set(bearer(manager)).send({ attendanceThreshold: 100 });
    const { allocationId, beneficiaryId } = await reserve();
    const enrolment = await enrol(manager, course.id, beneficiaryId);
    for (const s of sessions.slice(0, 3)) await markPresent(manager, course.id, s.id, [enrolment.id]);

    const res = await handOver(manager, allocationId).expect(409);
    expect(res.body.error.details).to.include({ attendancePercent: 75, attendanceThreshold: 100, sessionsMissing: 1 });
  });

  it('a manager may not override (403, nothing written)', async () => {
    const { allocationId } = await reserve();
    const res = await handOver(manager, allocationId, { trainingOverrideReason: REASON }).expect(403);
    expect(res.body.error.code).to.equal('OVERRIDE_FORBIDDEN');
    const row = await Allocation.findByPk(allocationId);
    expect(row!.status).to.equal('reserved');
    expect(row!.trainingOverrideReason).to.equal(null);
  });

  it('an admin overrides with a reason: kept on the allocation, in the chained history, shown to managers only', async () => {
    const { allocationId, deviceId } = await reserve();
    const me = await api().get('/api/auth/me').set(bearer(admin)).expect(200);

    const res = await handOver(admin, allocationId, { trainingOverrideReason: REASON }).expect(200);

    expect(res.body.status).to.equal('handed_over');
    expect(res.body.trainingOverride).to.deep.equal({ reason: REASON, byUserId: me.body.user?.id ?? me.body.id });
    const row = await Allocation.findByPk(allocationId);
    expect(row!.trainingOverrideReason).to.equal(REASON);
    expect(row!.trainingOverrideBy).to.equal(res.body.trainingOverride.byUserId);
    const [event] = await rawSelect<{ payload: string }>(
      "SELECT payload FROM device_events WHERE device_id = :deviceId AND type = 'handover'",
      { deviceId },
    );
    expect(JSON.parse(event.payload)).to.deep.include({
      trainingOverrideReason: REASON,
      trainingOverride: { courseId: course.id, attendancePercent: 0, attendanceThreshold: 75 },
    });
    const page = await api().get(`/api/devices/${deviceId}`).set(bearer(tech)).expect(200);
    const shown = page.body.events as Array<{ type: string; payload: Record<string, unknown> }>;
    const handoverEvent = shown.find((e) => e.type === 'handover')!;
    expect(handoverEvent.payload).to.have.property('trainingOverride');
    expect(JSON.stringify(page.body)).to.not.include(REASON);
    const seenByTech = await api().get(`/api/allocations/${allocationId}`).set(bearer(tech)).expect(200);
    expect(seenByTech.body.trainingOverride).to.deep.equal({ reason: null, byUserId: row!.trainingOverrideBy });
  });

  it('a programme without training, or no programme, hands over; a reason sent then is not kept', async () => {
    await api().patch(`/api/programmes/${programmeId}`).set(bearer(manager)).send({ requiresTraining: false });
    const a = await reserve();
    await handOver(manager, a.allocationId).expect(200);
    const b = await reserve(0); // 0: no programme
    const res = await handOver(admin, b.allocationId, { trainingOverrideReason: REASON }).expect(200);
    expect(res.body.trainingOverride).to.equal(null);
    expect((await Allocation.findByPk(b.allocationId))!.trainingOverrideReason).to.equal(null);
  });

  it('a reason too short is a 400 on trainingOverrideReason', async () => {
    const { allocationId } = await reserve();
    const res = await handOver(admin, allocationId, { trainingOverrideReason: 'no' }).expect(400);
    expect(res.body.error.details[0]).to.include({ path: 'trainingOverrideReason' });
  });
});
