// Programmes (a funded distribution drive): list, create, read, and progress against their targets.
import type { Transaction } from 'sequelize';
import { withTransaction } from '../../db/sequelize.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import { Programme } from './programmes.model.js';
import { programmeProgress, type ProgrammeProgress } from './programmes.progress.js';
import { toProgrammeDto, type ProgrammeDto, type ProgrammeInput, type ProgrammePatch } from './programmes.schema.js';

export async function findProgramme(id: number): Promise<Programme> {
  const p = await Programme.findByPk(id);
  if (!p) throw new NotFoundError(`Programme ${id} not found`);
  return p;
}

export async function listProgrammes(): Promise<ProgrammeDto[]> {
  return (await Programme.findAll({ order: [['id', 'ASC']] })).map(toProgrammeDto);
}

export async function createProgramme(input: ProgrammeInput): Promise<ProgrammeDto> {
  return withTransaction((transaction) => createProgrammeIn(input, transaction));
}

/** In the caller's transaction: the setup creates the first programme with the charity and its admin. */
export async function createProgrammeIn(input: ProgrammeInput, transaction: Transaction): Promise<ProgrammeDto> {
  return toProgrammeDto(await Programme.create(input, { transaction }));
}

export async function readProgramme(id: number): Promise<ProgrammeDto> {
  return toProgrammeDto(await findProgramme(id));
}

export async function readProgress(id: number): Promise<ProgrammeProgress> {
  return programmeProgress(await findProgramme(id));
}

/**
 * PATCH /api/programmes/:id: what is sent replaces what was there, in one transaction with the row locked. A programme
 * that requires training must name its course (`courseExists` is the training module's check, passed in by the route:
 * programmes sits below training).
 */
export async function patchProgramme(
  id: number,
  patch: ProgrammePatch,
  courseExists: (courseId: number) => Promise<boolean>,
): Promise<ProgrammeDto> {
  if (patch.courseId != null && !(await courseExists(patch.courseId)))
    throw new ValidationError('Invalid request', [
      { path: 'courseId', message: `Course ${patch.courseId} does not exist`, type: 'any.invalid' },
    ]);
  return withTransaction(async (transaction) => {
    const p = await Programme.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!p) throw new NotFoundError(`Programme ${id} not found`);
    const { eligibility, weights, ...plain } = patch;
    p.set(plain);
    if (eligibility !== undefined) p.eligibility = JSON.stringify(eligibility);
    if (weights !== undefined) p.weights = weights === null ? null : JSON.stringify(weights);
    if (p.requiresTraining && p.courseId == null)
      throw new ValidationError('Invalid request', [
        { path: 'courseId', message: 'A programme that requires training names its course', type: 'any.required' },
      ]);
    if (p.startsOn && p.endsOn && p.endsOn < p.startsOn)
      throw new ValidationError('Invalid request', [
        { path: 'endsOn', message: 'endsOn must not be before startsOn', type: 'dateRange.order' },
      ]);
    await p.save({ transaction });
    return toProgrammeDto(p);
  });
}
