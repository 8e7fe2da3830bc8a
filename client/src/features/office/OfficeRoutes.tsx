import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { ADMINS, MANAGERS, REGIONAL_REPORT_ROLES, type Role } from '../../api/types';
import { RoleGate } from '../../components/RoleGate';

// The office's screens (beneficiaries, allocation, partners, sponsors, reports, administration, settings): managers and admins
// (the regional report viewers too). Their lazy imports live in this chunk, not in the first screen's JavaScript,
// which technicians load (at its budget, scripts/bundle-size.mjs): App.tsx routes each area here with one import.
// Each screen is still its own chunk.
const BeneficiaryListPage = lazy(() => import('../beneficiaries/BeneficiaryListPage'));
const BeneficiaryPage = lazy(() => import('../beneficiaries/BeneficiaryPage'));
const BeneficiaryFormPage = lazy(() => import('../beneficiaries/BeneficiaryFormPage'));
const WaitlistPage = lazy(() => import('../waitlist/WaitlistPage'));
const PartnersPage = lazy(() => import('../partners/PartnersPage'));
const SponsorsPage = lazy(() => import('../sponsors/SponsorsPage'));
const SitesPage = lazy(() => import('../sites/SitesPage'));
const OutboxPage = lazy(() => import('../outbox/OutboxPage'));
const WebhooksPage = lazy(() => import('../webhooks/WebhooksPage'));
const UsersPage = lazy(() => import('../users/UsersPage'));
const AllocationBoardPage = lazy(() => import('../allocation/AllocationBoardPage'));
const AllocationListPage = lazy(() => import('../allocation/AllocationListPage'));
const HandoverPage = lazy(() => import('../allocation/HandoverPage'));
const RegionsPage = lazy(() => import('../reports/RegionsPage'));
const SettingsPage = lazy(() => import('../settings/SettingsPage'));

/** The first segment of the path: App.tsx lists the same (kept there, so that importing it costs no chunk). */
export type OfficeArea =
  | 'beneficiaries'
  | 'waitlist'
  | 'partners'
  | 'sponsors'
  | 'sites'
  | 'outbox'
  | 'webhooks'
  | 'users'
  | 'allocation'
  | 'allocations'
  | 'reports'
  | 'settings';

/** The routes under /<area>/…; beneficiary data is for managers only (technicians and viewers are refused in place). */
function areaRoutes(area: OfficeArea) {
  switch (area) {
    case 'beneficiaries':
      return (
        <>
          <Route index element={<BeneficiaryListPage />} />
          <Route path="new" element={<BeneficiaryFormPage />} />
          <Route path=":id" element={<BeneficiaryPage />} />
          <Route path=":id/edit" element={<BeneficiaryFormPage />} />
        </>
      );
    case 'allocations':
      return (
        <>
          <Route index element={<AllocationListPage />} />
          <Route path=":id" element={<HandoverPage />} />
        </>
      );
    case 'reports':
      return <Route path="regions" element={<RegionsPage />} />;
    case 'waitlist':
      return <Route index element={<WaitlistPage />} />;
    case 'partners':
      return <Route index element={<PartnersPage />} />;
    case 'sponsors':
      return <Route index element={<SponsorsPage />} />;
    case 'allocation':
      return <Route index element={<AllocationBoardPage />} />;
    case 'sites':
      return <Route index element={<SitesPage />} />;
    case 'outbox':
      return <Route index element={<OutboxPage />} />;
    case 'webhooks':
      return <Route index element={<WebhooksPage />} />;
    case 'users':
      return <Route index element={<UsersPage />} />;
    case 'settings':
      return <Route index element={<SettingsPage />} />;
  }
}

const ROLES_OF: Record<OfficeArea, readonly Role[]> = {
  beneficiaries: MANAGERS,
  waitlist: MANAGERS,
  partners: MANAGERS,
  sponsors: MANAGERS,
  allocation: MANAGERS,
  allocations: MANAGERS,
  reports: REGIONAL_REPORT_ROLES,
  sites: ADMINS,
  outbox: ADMINS,
  webhooks: ADMINS,
  users: ADMINS,
  settings: ADMINS,
};

export default function OfficeRoutes({ area }: { area: OfficeArea }) {
  return (
    <RoleGate roles={ROLES_OF[area]}>
      <Routes>{areaRoutes(area)}</Routes>
    </RoleGate>
  );
}
