// The sanitization module's public face: wipe records and evidence files of a device's drives.
export {
  addDeviceFile,
  addRecords,
  devicesWithUnwipedDrives,
  drivesMissingWipe,
  listSanitizations,
  readDeviceFile,
  recordSanitizations,
} from './sanitization.service.js';
export { DeviceFile, Sanitization, initDeviceFileModels, initSanitizationModels } from './sanitization.model.js';
export type { SanitizationDto } from './sanitization.schema.js';
export {
  deviceSanitizationsSql,
  peopleColumns,
  peopleJoins,
  sanitizationRowToDto,
  toDeviceFileDto,
} from './sanitization.page.js';
