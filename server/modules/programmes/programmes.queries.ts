// Reads of programme rows for other modules (issue 15, point 1: they call these, never the model).
import { col, fn, type Transaction } from 'sequelize';
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

/**
 * The attendance each course asks for (spec §14): the highest `attendanceThreshold` of the programmes that name it
 * as their course, by course id, in one query (a course no programme names is absent: the caller's default applies).
 */
export async function courseAttendanceThresholds(
  courseIds: readonly number[],
  transaction?: Transaction,
): Promise<Map<number, number>> {
  if (!courseIds.length) return new Map();
  const rows = (await Programme.findAll({
    where: { courseId: [...new Set(courseIds)] },
    attributes: ['courseId', [fn('MAX', col('attendance_threshold')), 'threshold']],
    group: ['courseId'],
    raw: true,
    transaction,
  })) as unknown as { courseId: number; threshold: number | string }[];
  return new Map(rows.map((r) => [Number(r.courseId), Number(r.threshold)]));
}

/** What a programme asks before handover (spec §14), read in the handover's transaction; null for an unknown id. */
export function trainingRuleOf(
  id: number,
  transaction?: Transaction,
): Promise<Pick<Programme, 'requiresTraining' | 'courseId' | 'attendanceThreshold'> | null> {
  return Programme.findByPk(id, {
    attributes: ['requiresTraining', 'courseId', 'attendanceThreshold'],
    raw: true,
    transaction,
  });
}
