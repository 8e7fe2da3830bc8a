// The settings module: run-time settings an administrator changes. Other modules read them with getSettings().
export {
  getSettings,
  updateSettings,
  logoImageType,
  DEFAULT_SETTINGS,
  MAX_LOGO_BYTES,
  type Settings,
} from './settings.service.js';
export { initSettingModels } from './settings.model.js';
export type { Setting } from './settings.model.js';
