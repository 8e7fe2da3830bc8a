export const ROLES = ['admin', 'manager', 'technician', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a route: named roles, any signed-in user, or anybody. */
export type Access = readonly Role[] | 'authenticated' | 'public';

export const STAFF: readonly Role[] = ['admin', 'manager', 'technician'];
export const MANAGERS: readonly Role[] = ['admin', 'manager'];
export const ADMINS: readonly Role[] = ['admin'];
export const ALL_ROLES: readonly Role[] = ROLES;

export interface Actor { id: number; role: Role; name: string; email: string }

export function mayAccess(access: Access, role: Role | undefined): boolean {
  if (access === 'public') return true;
  if (!role) return false;
  return access === 'authenticated' || access.includes(role);
}
