import type { Role } from '../../shared/index.js';

// The roles and their groups are wire constants (the client hides what would be refused): defined in server/shared.
export { ROLES, STAFF, MANAGERS, ADMINS, ALL_ROLES, PARTNERS, HANDOVER_ROLES, type Role } from '../../shared/index.js';

/** Who may call a route: named roles, any signed-in user, or anybody. */
export type Access = readonly Role[] | 'authenticated' | 'public';

export interface Actor {
  id: number;
  role: Role;
  name: string;
  email: string;
  /** The partner organisation of a `partner` user: every row such a user reads or writes is scoped to it. */
  partnerId: number | null;
}

export function mayAccess(access: Access, role: Role | undefined): boolean {
  if (access === 'public') return true;
  if (!role) return false;
  return access === 'authenticated' || access.includes(role);
}
