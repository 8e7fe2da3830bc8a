import { lazy, Suspense } from 'react';
import { Navigate, Outlet, Route, Routes } from 'react-router';
import { useAuth } from './auth/AuthProvider';
import { RequireAuth, RequireRole } from './auth/RequireAuth';
import { ADMINS, ALL_ROLES, MANAGERS, PARTNERS, REGIONAL_REPORT_ROLES, STAFF } from './api/types';
import { FullPageLoader } from './components/FullPageLoader';
import { homeFor } from './shell/nav';

// Every screen is its own chunk: the first screen loads only the shell, the router and Mantine's core.
// The shell (navigation, user menu, scan box) is a chunk too: the sign-in and pledge pages do not need it.
const AppLayout = lazy(() => import('./shell/AppLayout').then((m) => ({ default: m.AppLayout })));
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
const WorkQueuesPage = lazy(() => import('./features/work-queues/WorkQueuesPage'));
const BeneficiaryListPage = lazy(() => import('./features/beneficiaries/BeneficiaryListPage'));
const BeneficiaryPage = lazy(() => import('./features/beneficiaries/BeneficiaryPage'));
const BeneficiaryFormPage = lazy(() => import('./features/beneficiaries/BeneficiaryFormPage'));
const WaitlistPage = lazy(() => import('./features/waitlist/WaitlistPage'));
const PartnersPage = lazy(() => import('./features/partners/PartnersPage'));
const SitesPage = lazy(() => import('./features/sites/SitesPage'));
const OutboxPage = lazy(() => import('./features/outbox/OutboxPage'));
const WebhooksPage = lazy(() => import('./features/webhooks/WebhooksPage'));
const AllocationBoardPage = lazy(() => import('./features/allocation/AllocationBoardPage'));
const AllocationListPage = lazy(() => import('./features/allocation/AllocationListPage'));
const HandoverPage = lazy(() => import('./features/allocation/HandoverPage'));
const DashboardPage = lazy(() => import('./features/dashboard/DashboardPage'));
const RegionsPage = lazy(() => import('./features/reports/RegionsPage'));
// /batches/* and /partner/* route inside their own chunk (one import each here: see BatchRoutes).
const BatchRoutes = lazy(() => import('./features/batches/BatchRoutes'));
const PartnerRoutes = lazy(() => import('./features/partner-home/PartnerRoutes'));
const ServerPage = lazy(() => import('./features/public/ServerPage'));
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
            {/* Beneficiary data is for managers only: technicians and viewers get the "not allowed" page (and the server refuses). */}
            <Route
              path="beneficiaries"
              element={
                <RequireRole roles={MANAGERS}>
                  <BeneficiaryListPage />
                </RequireRole>
              }
            />
            <Route
              path="beneficiaries/new"
              element={
                <RequireRole roles={MANAGERS}>
                  <BeneficiaryFormPage />
                </RequireRole>
              }
            />
            <Route
              path="beneficiaries/:id"
              element={
                <RequireRole roles={MANAGERS}>
                  <BeneficiaryPage />
                </RequireRole>
              }
            />
            <Route
              path="beneficiaries/:id/edit"
              element={
                <RequireRole roles={MANAGERS}>
                  <BeneficiaryFormPage />
                </RequireRole>
              }
            />
            <Route
              path="waitlist"
              element={
                <RequireRole roles={MANAGERS}>
                  <WaitlistPage />
                </RequireRole>
              }
            />
            <Route
              path="partners"
              element={
                <RequireRole roles={MANAGERS}>
                  <PartnersPage />
                </RequireRole>
              }
            />
            <Route
              path="sites"
              element={
                <RequireRole roles={ADMINS}>
                  <SitesPage />
                </RequireRole>
              }
            />
            <Route
              path="outbox"
              element={
                <RequireRole roles={ADMINS}>
                  <OutboxPage />
                </RequireRole>
              }
            />
            <Route
              path="webhooks"
              element={
                <RequireRole roles={ADMINS}>
                  <WebhooksPage />
                </RequireRole>
              }
            />
            <Route
              path="allocation"
              element={
                <RequireRole roles={MANAGERS}>
                  <AllocationBoardPage />
                </RequireRole>
              }
            />
            <Route
              path="allocations"
              element={
                <RequireRole roles={MANAGERS}>
                  <AllocationListPage />
                </RequireRole>
              }
            />
            <Route
              path="allocations/:id"
              element={
                <RequireRole roles={MANAGERS}>
                  <HandoverPage />
                </RequireRole>
              }
            />
            <Route path="dashboard" element={<DashboardPage />} />
            <Route
              path="reports/regions"
              element={
                <RequireRole roles={REGIONAL_REPORT_ROLES}>
                  <RegionsPage />
                </RequireRole>
              }
            />
            <Route
              path="users"
              element={
                <RequireRole roles={ADMINS}>
                  <UsersPage />
                </RequireRole>
              }
            />
            <Route path="batches/*" element={<BatchRoutes />} />
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
