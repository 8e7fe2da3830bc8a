// Registers every module's models on the Sequelize instance, then their associations. Kept out of server/db/ so
// that db/ imports no module (docs/architecture.md).
import { getSequelize } from './db/sequelize.js';
import { associateAuthModels, associateUserRows, initAuthModels } from './modules/auth/index.js';
import { associateDeviceModels, initAuditModels, initDeviceModels } from './modules/devices/index.js';
import { associateDonationModels, initDonationModels } from './modules/donations/index.js';
import { initDonorModels } from './modules/donors/index.js';
import { initSiteModels } from './modules/sites/index.js';
import { initDeviceFileModels, initSanitizationModels } from './modules/sanitization/index.js';
import { initSettingModels } from './modules/settings/index.js';
import { initWorkshopModels } from './modules/workshop/index.js';
import { associateBeneficiaryModels, initBeneficiaryModels } from './modules/beneficiaries/index.js';
import { initPartnerModels } from './modules/partners/index.js';
import { initProgrammeModels } from './modules/programmes/index.js';
import { associateSelectionModels, initSelectionModels } from './modules/selection/index.js';
import { initAllocationModels } from './modules/allocations/index.js';
import { initEmailModels } from './modules/email/index.js';
import { initOutboxModels } from './modules/outbox/index.js';
import { initWebhookModels } from './modules/webhooks/index.js';
import { initTrainingModels } from './modules/training/index.js';
import { initConnectivityModels } from './modules/connectivity/index.js';

let initialised = false;

export function initModels(): void {
  if (initialised) return;
  const sequelize = getSequelize();
  initAuthModels(sequelize);
  initSiteModels(sequelize);
  initDonorModels(sequelize);
  initDeviceModels(sequelize);
  initAuditModels(sequelize);
  initDonationModels(sequelize);
  initSanitizationModels(sequelize);
  initDeviceFileModels(sequelize);
  initWorkshopModels(sequelize);
  initSettingModels(sequelize);
  initPartnerModels(sequelize);
  initBeneficiaryModels(sequelize);
  initProgrammeModels(sequelize);
  initSelectionModels(sequelize);
  initAllocationModels(sequelize);
  initEmailModels(sequelize);
  initOutboxModels(sequelize);
  initWebhookModels(sequelize);
  initTrainingModels(sequelize);
  initConnectivityModels(sequelize);
  associateAuthModels();
  associateDeviceModels(associateUserRows);
  associateDonationModels();
  associateBeneficiaryModels();
  associateSelectionModels();
  initialised = true;
}
