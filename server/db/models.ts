// Registers every module's models on the Sequelize instance, then their associations.
import { getSequelize } from './sequelize.js';
import { associateAuthModels, initAuthModels } from '../modules/auth/index.js';

let initialised = false;

export function initModels(): void {
  if (initialised) return;
  const sequelize = getSequelize();
  initAuthModels(sequelize);
  associateAuthModels();
  initialised = true;
}
