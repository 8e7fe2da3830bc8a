// Programmes (a funded distribution drive): list, create, read, and progress against their targets.
import { withTransaction } from '../../db/sequelize.js';
import { NotFoundError } from '../../lib/errors.js';
import { Programme } from './programmes.model.js';
import { programmeProgress, type ProgrammeProgress } from './programmes.progress.js';
import { toProgrammeDto, type ProgrammeDto, type ProgrammeInput } from './programmes.schema.js';

export async function findProgramme(id: number): Promise<Programme> {
  const p = await Programme.findByPk(id);
  if (!p) throw new NotFoundError(`Programme ${id} not found`);
  return p;
}

export async function listProgrammes(): Promise<ProgrammeDto[]> {
  return (await Programme.findAll({ order: [['id', 'ASC']] })).map(toProgrammeDto);
}

export async function createProgramme(input: ProgrammeInput): Promise<ProgrammeDto> {
  return toProgrammeDto(await withTransaction((transaction) => Programme.create(input, { transaction })));
}

export async function readProgramme(id: number): Promise<ProgrammeDto> {
  return toProgrammeDto(await findProgramme(id));
}

export async function readProgress(id: number): Promise<ProgrammeProgress> {
  return programmeProgress(await findProgramme(id));
}
