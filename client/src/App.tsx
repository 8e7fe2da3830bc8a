import { lazy, Suspense } from 'react';
import { Navigate, Outlet, Route, Routes } from 'react-router';
import { useAuth } from './auth/AuthProvider';
import { RequireAuth, RequireRole } from './auth/RequireAuth';
import { ALL_ROLES, MANAGERS, PARTNERS, STAFF } from './api/types';
import { FullPageLoader } from './components/FullPageLoader';
import { laterScreen } from './components/laterScreen';
import { homeFor } from './shell/nav';

// Every screen is its own chunk: the first screen loads only the shell, the router and Mantine's core.
// The shell (navigation, user menu, scan box) is a chunk too: the sign-in and pledge pages do not need it.
const AppLayout = lazy(() => import('./shell/AppLayout').then((m) => ({ default: m.AppLayout })));
const LoginPage = lazy(() => import('./features/login/LoginPage'));
const PledgePage = laterScreen(() => import('./features/pledge/PledgePage'));
const ApplyPage = laterScreen(() => import('./features/apply/ApplyPage'));
const IntakeStationPage = lazy(() => import('./features/intake/IntakeStationPage'));
const IntakeQueuePage = lazy(() => import('./features/intake-queue/IntakeQueuePage'));
const DeviceListPage = laterScreen(() => import('./features/devices/DeviceListPage'));
const DevicePage = laterScreen(() => import('./features/devices/DevicePage'));
const DonorListPage = laterScreen(() => import('./features/donors/DonorListPage'));
const DonorPage = laterScreen(() => import('./features/donors/DonorPage'));
const DonorFormPage = laterScreen(() => import('./features/donors/DonorFormPage'));
const DonationListPage = laterScreen(() => import('./features/donations/DonationListPage'));
const DonationPage = laterScreen(() => import('./features/donations/DonationPage'));
const DonationFormPage = laterScreen(() => import('./features/donations/DonationFormPage'));
const WorkQueuesPage = laterScreen(() => import('./features/work-queues/WorkQueuesPage'));
const DashboardPage = laterScreen(() => import('./features/dashboard/DashboardPage'));
// /batches/* and /partner/* route inside their own chunk (one import each here: see BatchRoutes).
const BatchRoutes = laterScreen(() => import('./features/batches/BatchRoutes'));
const TrainingRoutes = laterScreen(() => import('./features/training/TrainingRoutes'));
// The office's screens (beneficiaries, allocation, partners, sponsors, reports, administration) route inside their own
// chunk: technicians' first screen carries one import for all of them (see OfficeRoutes).
const OfficeRoutes = laterScreen(() => import('./features/office/OfficeRoutes'));
const OFFICE_AREAS = [
  'beneficiaries',
  'waitlist',
  'partners',
  'sponsors',
  'sites',
  'outbox',
  'webhooks',
  'users',
  'allocation',
  'allocations',
  'reports',
  'settings',
] as const;
const PartnerRoutes = laterScreen(() => import('./features/partner-home/PartnerRoutes'));
const SetupPage = laterScreen(() => import('./features/setup/SetupPage'));
const ServerPage = laterScreen(() => import('./features/public/ServerPage'));
const NotFoundPage = laterScreen(() => import('./features/home/NotFoundPage'));

function Home() {
  const { state } = useAuth();
  return state.status === 'signed-in' ? <Navigate to={homeFor(state.user.role)} replace /> : null;
}

export function App() {
  return (
    <Suspense fallback={<FullPageLoader />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        {/* The first run, while no user exists (spec §15): the sign-in page leads here. */}
        <Route path="/setup" element={<SetupPage />} />
        <Route path="/pledge" element={<PledgePage />} />
        <Route path="/apply/:programmeId" element={<ApplyPage />} />
        {/* Rendered by the server (public receipt, certificate verification, a label's short link): never by the app. */}
        <Route path="/verify/*" element={<ServerPage />} />
        <Route path="/receipts/*" element={<ServerPage />} />
        <Route path="/d/*" element={<ServerPage />} />
        <Route path="/impact" element={<ServerPage />} />
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }>
          <Route index element={<Home />} />
          {/* The charity's own screens: a partner association's user has its own home below (the server refuses the rest). */}
          <Route
            element={
              <RequireRole roles={ALL_ROLES}>
                <Outlet />
              </RequireRole>
            }>
            <Route
              path="intake"
              element={
                <RequireRole roles={STAFF}>
                  <IntakeStationPage />
                </RequireRole>
              }
            />
            <Route path="intake-queue" element={<IntakeQueuePage />} />
            <Route path="devices" element={<DeviceListPage />} />
            <Route path="devices/:id" element={<DevicePage />} />
            <Route path="donors" element={<DonorListPage />} />
            <Route
              path="donors/new"
              element={
                <RequireRole roles={STAFF}>
                  <DonorFormPage />
                </RequireRole>
              }
            />
            <Route path="donors/:id" element={<DonorPage />} />
            <Route
              path="donors/:id/edit"
              element={
                <RequireRole roles={MANAGERS}>
                  <DonorFormPage />
                </RequireRole>
              }
            />
            <Route path="donations" element={<DonationListPage />} />
            <Route
              path="donations/new"
              element={
                <RequireRole roles={STAFF}>
                  <DonationFormPage />
                </RequireRole>
              }
            />
            <Route path="donations/:id" element={<DonationPage />} />
            <Route path="work-queues" element={<WorkQueuesPage />} />
            <Route path="dashboard" element={<DashboardPage />} />
            {OFFICE_AREAS.map((area) => (
              <Route key={area} path={`${area}/*`} element={<OfficeRoutes area={area} />} />
            ))}
            <Route path="batches/*" element={<BatchRoutes />} />
            <Route path="courses/*" element={<TrainingRoutes area="courses" />} />
            <Route path="programmes/*" element={<TrainingRoutes area="programmes" />} />
          </Route>
          <Route
            path="partner/*"
            element={
              <RequireRole roles={PARTNERS}>
                <PartnerRoutes />
              </RequireRole>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
