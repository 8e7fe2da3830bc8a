import type { Role } from '../api/types';

// Mirrors server/modules/auth/roles.ts; the server enforces, the client only hides what would be refused.
export const STAFF: readonly Role[] = ['admin', 'manager', 'technician'];
export const MANAGERS: readonly Role[] = ['admin', 'manager'];
export const ADMINS: readonly Role[] = ['admin'];
export const ALL_ROLES: readonly Role[] = ['admin', 'manager', 'technician', 'viewer'];

export function can(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role);
}
