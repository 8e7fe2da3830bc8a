// Enrolment and the waiting list. A course's places are held by its `enrolled` and `completed` trainees; anyone
// enrolled once it is full waits (`waitlisted`), and a freed place (a drop, more capacity) goes to the one who has
// waited longest, in the same transaction. Every write starts by locking the course's row, so two enrolments for
// its last place queue there and the second is waitlisted.
import type { Transaction } from 'sequelize';
import { withTransaction } from '../../db/sequelize.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import type { Actor, Role } from '../auth/index.js';
import { lockBeneficiary } from '../beneficiaries/index.js';
import { PERSON_KINDS, type EnrolmentDto } from '../../shared/index.js';
import { nextTraineeCode } from './training.codes.js';
import { Enrolment, type Course } from './training.model.js';
import { loadCourse, namesOf, sessionCountOf } from './training.read.js';
import { seesNames, toEnrolmentDto } from './training.schema.js';

/** The DTO of one enrolment, read after the write committed. */
export async function enrolmentDto(e: Enrolment, role: Role): Promise<EnrolmentDto> {
  const [names, held] = await Promise.all([
    seesNames(role) ? namesOf([e.beneficiaryId]) : Promise.resolve(new Map<number, string>()),
    sessionCountOf(e.courseId),
  ]);
  return toEnrolmentDto(e, names.get(e.beneficiaryId) ?? null, held, role);
}

export async function readEnrolment(id: number, role: Role): Promise<EnrolmentDto> {
  const e = await Enrolment.findByPk(id);
  if (!e) throw new NotFoundError(`Enrolment ${id} not found`);
  return enrolmentDto(e, role);
}

/** Places held in the course now (enrolled + completed), read inside the caller's transaction. */
function placesTaken(courseId: number, transaction: Transaction): Promise<number> {
  return Enrolment.count({ where: { courseId, status: ['enrolled', 'completed'] }, transaction });
}

/**
 * Gives the free places of `course` (its row locked by the caller) to the waiting list, longest waiting first;
 * returns the enrolments moved up.
 */
export async function fillPlaces(course: Course, transaction: Transaction): Promise<Enrolment[]> {
  const free = course.capacity - (await placesTaken(course.id, transaction));
  if (free <= 0) return [];
  const next = await Enrolment.findAll({
    where: { courseId: course.id, status: 'waitlisted' },
    order: [
      ['waitlistedAt', 'ASC'],
      ['id', 'ASC'],
    ],
    limit: free,
    transaction,
    lock: transaction.LOCK.UPDATE,
  });
  for (const e of next) await e.update({ status: 'enrolled' }, { transaction });
  return next;
}

/**
 * POST /api/courses/:id/enrolments: a family or a student (not an institution, not rejected), enrolled while places
 * remain, else waitlisted. Twice the same beneficiary is a 409 ALREADY_ENROLLED, unless they had dropped out: their
 * enrolment then comes back (same trainee code, attendance kept), enrolled or waitlisted as places allow.
 */
export async function enrol(
  courseId: number,
  beneficiaryId: number,
  actor: Actor,
): Promise<{ enrolment: Enrolment; created: boolean }> {
  const result = await withTransaction(async (transaction) => {
    const course = await loadCourse(courseId, transaction, true);
    const beneficiary = await lockBeneficiary(beneficiaryId, transaction);
    if (!beneficiary)
      throw new UnprocessableError('REFERENCE_NOT_FOUND', `Beneficiary ${beneficiaryId} does not exist`, [
        { path: 'beneficiaryId', message: 'does not exist' },
      ]);
    if (!(PERSON_KINDS as readonly string[]).includes(beneficiary.kind))
      throw new UnprocessableError('NOT_A_TRAINEE', 'Only a family or a student may be enrolled in a course', [
        { path: 'beneficiaryId', message: `is an ${beneficiary.kind}, not a family or a student` },
      ]);
    if (beneficiary.status === 'rejected')
      throw new UnprocessableError('NOT_A_TRAINEE', 'A rejected beneficiary may not be enrolled in a course', [
        { path: 'beneficiaryId', message: 'was rejected' },
      ]);
    const now = new Date();
    const full = (await placesTaken(courseId, transaction)) >= course.capacity;
    const status = full ? 'waitlisted' : 'enrolled';
    const existing = await Enrolment.findOne({
      where: { courseId, beneficiaryId },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (existing && existing.status !== 'dropped')
      throw new ConflictError('ALREADY_ENROLLED', `Beneficiary ${beneficiaryId} is already in course ${courseId}`, {
        enrolmentId: existing.id,
        status: existing.status,
      });
    if (existing) {
      await existing.update(
        { status, waitlistedAt: full ? now : null, droppedAt: null, enrolledBy: actor.id },
        { transaction },
      );
      return { enrolment: existing, created: false };
    }
    const enrolment = await Enrolment.create(
      {
        courseId,
        beneficiaryId,
        status,
        traineeCode: await nextTraineeCode(transaction, now),
        waitlistedAt: full ? now : null,
        enrolledBy: actor.id,
      },
      { transaction },
    );
    return { enrolment, created: true };
  });
  logger.info('training.enrolled', {
    courseId,
    enrolmentId: result.enrolment.id,
    status: result.enrolment.status,
    actorId: actor.id,
  });
  return result;
}

/**
 * POST /api/enrolments/:id/drop: an enrolled or waitlisted trainee leaves the course (409 INVALID_TRANSITION once
 * completed or dropped). A place they held goes to the longest waiting, in the same transaction.
 */
export async function drop(id: number, actor: Actor): Promise<Enrolment> {
  // The course an enrolment belongs to never changes: read first, so that the course is locked before the enrolment
  // (the order every write to a course's enrolments takes).
  const found = await Enrolment.findByPk(id, { attributes: ['id', 'courseId'] });
  if (!found) throw new NotFoundError(`Enrolment ${id} not found`);
  const { enrolment, movedUp } = await withTransaction(async (transaction) => {
    const course = await loadCourse(found.courseId, transaction, true);
    const enrolment = (await Enrolment.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE }))!;
    if (enrolment.status !== 'enrolled' && enrolment.status !== 'waitlisted')
      throw new ConflictError('INVALID_TRANSITION', `A ${enrolment.status} enrolment cannot be dropped`, {
        status: enrolment.status,
        allowed: [],
      });
    await enrolment.update({ status: 'dropped', droppedAt: new Date() }, { transaction });
    const movedUp = await fillPlaces(course, transaction);
    return { enrolment, movedUp };
  });
  logger.info('training.dropped', {
    courseId: enrolment.courseId,
    enrolmentId: id,
    movedUp: movedUp.map((e) => e.id),
    actorId: actor.id,
  });
  return enrolment;
}
