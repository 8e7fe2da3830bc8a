// Reads of user rows for other modules (issue 15, point 1: they call these, never the model). Each is one query,
// whatever the number of ids, and reads inside the caller's transaction when given one.
import type { Transaction } from 'sequelize';
import { User } from './auth.model.js';
import type { Role } from './auth.roles.js';

export type UserName = Pick<User, 'id' | 'name' | 'role'>;

/** The names and roles of the given users, in one query, as plain rows (an unknown id is absent). */
export function userNamesOf(ids: readonly number[], transaction?: Transaction): Promise<UserName[]> {
  return User.findAll({ where: { id: [...ids] }, attributes: ['id', 'name', 'role'], raw: true, transaction });
}

/** Every active user holding one of `roles`, by name, as plain rows. */
export function activeUsersWithRoles(roles: readonly Role[], transaction?: Transaction): Promise<UserName[]> {
  return User.findAll({
    where: { active: true, role: [...roles] },
    attributes: ['id', 'name', 'role'],
    order: [['name', 'ASC']],
    raw: true,
    transaction,
  });
}

/** Which of the given users are active and hold one of `roles`, in one query. */
export async function activeUsersAmong(
  ids: readonly number[],
  roles: readonly Role[],
  transaction?: Transaction,
): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await User.findAll({
    where: { id: [...new Set(ids)], active: true, role: [...roles] },
    attributes: ['id'],
    raw: true,
    transaction,
  });
  return new Set(rows.map((r) => r.id));
}
