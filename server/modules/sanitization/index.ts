export { sanitizationRoutes } from './sanitization.routes.js';
export { addRecords, devicesWithUnwipedDrives, drivesMissingWipe, listDeviceFiles, listSanitizations, readDeviceFile, recordSanitizations } from './sanitization.service.js';
export { DeviceFile, Sanitization, initDeviceFileModels, initSanitizationModels } from './sanitization.model.js';
export type { SanitizationDto } from './sanitization.schema.js';
