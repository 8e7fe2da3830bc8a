import { Route, Routes } from 'react-router';
import { MANAGERS } from '../../api/types';
import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Role } from '../../api/types';
import { useUser } from '../../auth/AuthProvider';
import { useT } from '../../prefs/PreferencesProvider';
import BatchListPage from './BatchListPage';
import BatchBuilderPage from './BatchBuilderPage';
import BatchPage from './BatchPage';

// One lazy route in App.tsx for the whole of /batches, and one chunk for its three screens: the first screen's
// JavaScript carries one import, not three (the technician's landing screen is at its budget, scripts/bundle-size.mjs).

/**
 * Managers only, said in place. Not auth/RequireAuth's RequireRole: a lazy chunk importing what only the entry used
 * made the bundler move shared modules out of the entry (+0.5 KB on the technician's first screen).
 */
function ManagersOnly({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const t = useT();
  if (roles.includes(useUser().role)) return <>{children}</>;
  return (
    <Alert color="orange" title={t('error.forbiddenTitle')}>
      {t('error.forbidden')}
    </Alert>
  );
}

/** /batches (every staff role reads; managers build, hand over and cancel). */
export default function BatchRoutes() {
  return (
    <Routes>
      <Route index element={<BatchListPage />} />
      <Route
        path="new"
        element={
          <ManagersOnly roles={MANAGERS}>
            <BatchBuilderPage />
          </ManagersOnly>
        }
      />
      <Route path=":id" element={<BatchPage />} />
    </Routes>
  );
}
