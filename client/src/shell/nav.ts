import type { Role } from '../api/types';
import { ALL_ROLES, ADMINS, MANAGERS, PARTNERS, REGIONAL_REPORT_ROLES, STAFF } from '../api/types';
import type { MessageKey } from '../i18n';

export interface NavItem {
  label: MessageKey;
  roles: readonly Role[];
  /** Absent for screens that are not built yet: they show as "soon", never with made-up data. */
  to?: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  // A partner association's user sees its own simplified home only (ALL_ROLES is the charity's staff).
  { to: '/partner', label: 'nav.partnerHome', roles: PARTNERS },
  { to: '/intake', label: 'nav.intake', roles: STAFF },
  { to: '/intake-queue', label: 'nav.intakeQueue', roles: ALL_ROLES },
  { to: '/devices', label: 'nav.devices', roles: ALL_ROLES },
  { to: '/work-queues', label: 'nav.workQueues', roles: ALL_ROLES },
  { to: '/donations', label: 'nav.donations', roles: ALL_ROLES },
  { to: '/donors', label: 'nav.donors', roles: ALL_ROLES },
  // Beneficiary screens hold personal data: managers and admins only (technicians and viewers never see the entries).
  { to: '/beneficiaries', label: 'nav.beneficiaries', roles: MANAGERS },
  { to: '/waitlist', label: 'nav.waitlist', roles: MANAGERS },
  { to: '/partners', label: 'nav.partners', roles: MANAGERS },
  { to: '/allocation', label: 'nav.allocation', roles: MANAGERS },
  { to: '/allocations', label: 'nav.handover', roles: MANAGERS },
  { to: '/batches', label: 'nav.batches', roles: MANAGERS },
  { to: '/sponsors', label: 'nav.sponsors', roles: MANAGERS },
  { to: '/courses', label: 'nav.courses', roles: ALL_ROLES },
  { to: '/programmes', label: 'nav.programmes', roles: MANAGERS },
  { to: '/dashboard', label: 'nav.dashboard', roles: ALL_ROLES },
  { to: '/reports/regions', label: 'nav.regions', roles: REGIONAL_REPORT_ROLES },
  { to: '/sites', label: 'nav.sites', roles: ADMINS },
  { to: '/users', label: 'nav.users', roles: ADMINS },
  { to: '/outbox', label: 'nav.outbox', roles: ADMINS },
  { to: '/webhooks', label: 'nav.webhooks', roles: ADMINS },
  { to: '/settings', label: 'nav.settings', roles: ADMINS },
];

/**
 * The first screen after sign-in: technicians start at the intake bench, a partner association at its own devices and
 * families, everyone else at the queue.
 */
export function homeFor(role: Role): string {
  if (role === 'partner') return '/partner';
  return role === 'technician' ? '/intake' : '/intake-queue';
}
