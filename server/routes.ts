// Every HTTP route of the application, in one list: app.ts mounts it and the access test walks it.
import type { RouteDef } from './lib/route.js';
import { authRoutes, type Access } from './modules/auth/index.js';
import { deviceRoutes } from './modules/devices/devices.routes.js';
import { donationRoutes, donorRoutes } from './modules/donations/index.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { intakeRoutes } from './modules/intake/intake.routes.js';
import { scanRoutes } from './modules/scan/scan.routes.js';
import { siteRoutes } from './modules/sites/sites.js';
import { sanitizationRoutes } from './modules/sanitization/index.js';
import { settingsRoutes } from './modules/settings/settings.js';
import { workshopRoutes } from './modules/workshop/index.js';
import { beneficiaryRoutes } from './modules/beneficiaries/index.js';
import { programmeRoutes } from './modules/programmes/index.js';
import { allocationRoutes } from './modules/allocations/index.js';
import { reportRoutes } from './modules/reports/reports.routes.js';
import { documentRoutes } from './modules/documents/index.js';

export const allRoutes: RouteDef<Access>[] = [
  ...healthRoutes,
  ...authRoutes,
  ...siteRoutes,
  ...donorRoutes,
  ...donationRoutes,
  ...intakeRoutes,
  ...deviceRoutes,
  ...scanRoutes,
  ...workshopRoutes,
  ...sanitizationRoutes,
  ...settingsRoutes,
  ...programmeRoutes,
  ...allocationRoutes,
  ...reportRoutes,
  ...beneficiaryRoutes,
  ...documentRoutes,
];
