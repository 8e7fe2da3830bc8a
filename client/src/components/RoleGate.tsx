import type { ReactNode } from 'react';
import type { Role } from '../api/types';
import { useUser } from '../auth/AuthProvider';
import { Forbidden } from './Forbidden';

/**
 * A screen for some roles only, refused in place (the server refuses the data too), for the screens routed inside
 * their own chunk (BatchRoutes, TrainingRoutes, OfficeRoutes): the user is signed in there already.
 */
export function RoleGate({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  return roles.includes(useUser().role) ? <>{children}</> : <Forbidden />;
}
