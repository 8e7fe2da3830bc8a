// Every HTTP route of the application, in one list: app.ts mounts it and the access test walks it. Each module's
// routes live in its <module>.routes.ts, imported only from here (docs/architecture.md).
import type { RouteDef } from './lib/route.js';
import type { Access } from './modules/auth/index.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { deviceRoutes } from './modules/devices/devices.routes.js';
import { donationRoutes } from './modules/donations/donations.routes.js';
import { donorRoutes } from './modules/donors/donors.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { intakeRoutes } from './modules/intake/intake.routes.js';
import { scanRoutes } from './modules/scan/scan.routes.js';
import { siteRoutes } from './modules/sites/sites.routes.js';
import { sanitizationRoutes } from './modules/sanitization/sanitization.routes.js';
import { settingsRoutes } from './modules/settings/settings.routes.js';
import { workshopRoutes } from './modules/workshop/workshop.routes.js';
import { beneficiaryRoutes } from './modules/beneficiaries/beneficiaries.routes.js';
import { partnerRoutes } from './modules/partners/partners.routes.js';
import { regionRoutes } from './modules/regions/regions.routes.js';
import { programmeRoutes } from './modules/programmes/programmes.routes.js';
import { selectionRoutes } from './modules/selection/selection.routes.js';
import { allocationRoutes } from './modules/allocations/allocations.routes.js';
import { reportRoutes } from './modules/reports/reports.routes.js';
import { documentRoutes } from './modules/documents/documents.routes.js';
import { impactRoutes } from './modules/impact/impact.routes.js';
import { emailRoutes } from './modules/email/email.routes.js';
import { outboxRoutes } from './modules/outbox/outbox.routes.js';
import { webhookRoutes } from './modules/webhooks/webhooks.routes.js';
import { trainingRoutes } from './modules/training/training.routes.js';
import { connectivityRoutes } from './modules/connectivity/connectivity.routes.js';
import { setupRoutes } from './modules/setup/setup.routes.js';

export const allRoutes: RouteDef<Access>[] = [
  ...healthRoutes,
  ...authRoutes,
  ...setupRoutes,
  ...siteRoutes,
  ...regionRoutes,
  ...donorRoutes,
  ...donationRoutes,
  ...intakeRoutes,
  ...deviceRoutes,
  ...scanRoutes,
  ...workshopRoutes,
  ...sanitizationRoutes,
  ...settingsRoutes,
  ...programmeRoutes,
  ...selectionRoutes,
  ...allocationRoutes,
  ...reportRoutes,
  ...beneficiaryRoutes,
  ...partnerRoutes,
  ...documentRoutes,
  ...impactRoutes,
  ...emailRoutes,
  ...outboxRoutes,
  ...webhookRoutes,
  ...trainingRoutes,
  ...connectivityRoutes,
];
