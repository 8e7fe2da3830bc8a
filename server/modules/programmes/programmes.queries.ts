// Reads of programme rows for other modules (issue 15, point 1: they call these, never the model).
import type { Transaction } from 'sequelize';
import { Programme } from './programmes.model.js';

/** Whether programme `id` exists (read inside the caller's transaction). */
export async function programmeExists(id: number, transaction?: Transaction): Promise<boolean> {
  return (await Programme.count({ where: { id }, transaction })) > 0;
}

/** Every programme, by id. */
export function allProgrammes(): Promise<Programme[]> {
  return Programme.findAll({ order: [['id', 'ASC']] });
}

/** The names of the given programmes, in one query, as plain rows (an unknown id is absent). */
export function programmeNamesOf(ids: readonly number[]): Promise<Pick<Programme, 'id' | 'name' | 'nameLatin'>[]> {
  return Programme.findAll({ where: { id: [...ids] }, attributes: ['id', 'name', 'nameLatin'], raw: true });
}

/** The name of one programme, or null. */
export function programmeNameOf(id: number): Promise<Pick<Programme, 'name' | 'nameLatin'> | null> {
  return Programme.findByPk(id, { attributes: ['name', 'nameLatin'] });
}
