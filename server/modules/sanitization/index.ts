// The sanitization module's public face: wipe records and evidence files of a device's drives.
export {
  addDeviceFile,
  addRecords,
  deviceLevelWipe,
  devicesWithUnwipedDrives,
  drivesMissingWipe,
  listSanitizations,
  readDeviceFile,
  recordSanitizations,
  sanitizationsOfDevice,
} from './sanitization.service.js';
export { initDeviceFileModels, initSanitizationModels } from './sanitization.model.js';
export type { DeviceFile, Sanitization } from './sanitization.model.js';
export type { SanitizationDto } from './sanitization.schema.js';
export type { DeviceLevelWipe } from './sanitization.service.js';
export {
  deviceFileSelectList,
  deviceSanitizationsSql,
  peopleColumns,
  peopleJoins,
  sanitizationRowToDto,
  sanitizationSelectList,
  toDeviceFileDto,
  unprefixedDeviceFile,
  unprefixedSanitization,
} from './sanitization.page.js';
