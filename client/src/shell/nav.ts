import type { Role } from '../api/types';
import { ALL_ROLES, ADMINS, MANAGERS, STAFF } from '../auth/roles';
import type { MessageKey } from '../i18n';

export interface NavItem {
  label: MessageKey;
  roles: readonly Role[];
  /** Absent for screens that are not built yet: they show as "soon", never with made-up data. */
  to?: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/intake', label: 'nav.intake', roles: STAFF },
  { to: '/intake-queue', label: 'nav.intakeQueue', roles: ALL_ROLES },
  { to: '/devices', label: 'nav.devices', roles: ALL_ROLES },
  { label: 'nav.workQueues', roles: STAFF },
  { to: '/donations', label: 'nav.donations', roles: ALL_ROLES },
  { to: '/donors', label: 'nav.donors', roles: ALL_ROLES },
  { label: 'nav.beneficiaries', roles: MANAGERS },
  { label: 'nav.allocation', roles: MANAGERS },
  { label: 'nav.handover', roles: MANAGERS },
  { label: 'nav.dashboard', roles: ALL_ROLES },
  { to: '/users', label: 'nav.users', roles: ADMINS },
];

/** The first screen after sign-in: technicians start at the intake bench, everyone else at the queue. */
export function homeFor(role: Role): string {
  return role === 'technician' ? '/intake' : '/intake-queue';
}
