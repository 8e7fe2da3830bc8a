// The settings module: run-time settings an administrator changes. Other modules read them with getSettings().
export {
  getSettings,
  updateSettings,
  writeSettings,
  refreshSettingsCache,
  refreshSettingsEvery,
  logoImageType,
  DEFAULT_SETTINGS,
  MAX_LOGO_BYTES,
  type Settings,
} from './settings.service.js';
export { alreadySetUp, claimSetup, dropSetupToken, ensureSetupToken, setupTokenMatches } from './settings.setup.js';
export { initSettingModels } from './settings.model.js';
export type { Setting } from './settings.model.js';
