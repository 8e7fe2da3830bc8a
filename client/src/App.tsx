import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { useAuth } from './auth/AuthProvider';
import { RequireAuth, RequireRole } from './auth/RequireAuth';
import { ADMINS, MANAGERS, STAFF } from './auth/roles';
import { FullPageLoader } from './components/FullPageLoader';
import { AppLayout } from './shell/AppLayout';
import { homeFor } from './shell/nav';

// Every screen is its own chunk: the first screen loads only the shell, the router and Mantine's core.
const LoginPage = lazy(() => import('./features/login/LoginPage'));
const PledgePage = lazy(() => import('./features/pledge/PledgePage'));
const IntakeStationPage = lazy(() => import('./features/intake/IntakeStationPage'));
const IntakeQueuePage = lazy(() => import('./features/intake-queue/IntakeQueuePage'));
const DeviceListPage = lazy(() => import('./features/devices/DeviceListPage'));
const DevicePage = lazy(() => import('./features/devices/DevicePage'));
const DonorListPage = lazy(() => import('./features/donors/DonorListPage'));
const DonorPage = lazy(() => import('./features/donors/DonorPage'));
const DonorFormPage = lazy(() => import('./features/donors/DonorFormPage'));
const DonationListPage = lazy(() => import('./features/donations/DonationListPage'));
const DonationPage = lazy(() => import('./features/donations/DonationPage'));
const DonationFormPage = lazy(() => import('./features/donations/DonationFormPage'));
const UsersPage = lazy(() => import('./features/users/UsersPage'));
const NotFoundPage = lazy(() => import('./features/home/NotFoundPage'));

function Home() {
  const { state } = useAuth();
  return state.status === 'signed-in' ? <Navigate to={homeFor(state.user.role)} replace /> : null;
}

export function App() {
  return (
    <Suspense fallback={<FullPageLoader />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/pledge" element={<PledgePage />} />
        <Route element={<RequireAuth><AppLayout /></RequireAuth>}>
          <Route index element={<Home />} />
          <Route path="intake" element={<RequireRole roles={STAFF}><IntakeStationPage /></RequireRole>} />
          <Route path="intake-queue" element={<IntakeQueuePage />} />
          <Route path="devices" element={<DeviceListPage />} />
          <Route path="devices/:id" element={<DevicePage />} />
          <Route path="donors" element={<DonorListPage />} />
          <Route path="donors/new" element={<RequireRole roles={STAFF}><DonorFormPage /></RequireRole>} />
          <Route path="donors/:id" element={<DonorPage />} />
          <Route path="donors/:id/edit" element={<RequireRole roles={MANAGERS}><DonorFormPage /></RequireRole>} />
          <Route path="donations" element={<DonationListPage />} />
          <Route path="donations/new" element={<RequireRole roles={STAFF}><DonationFormPage /></RequireRole>} />
          <Route path="donations/:id" element={<DonationPage />} />
          <Route path="users" element={<RequireRole roles={ADMINS}><UsersPage /></RequireRole>} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
