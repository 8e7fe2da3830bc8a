// The devices module's public face for other modules: services, queries (devices.queries.ts) and the lifecycle. No
// model class leaves the module (test/architecture/boundaries.test.ts): device rows are read and written through it.
// Its routes (devices.routes.ts) are imported by server/routes.ts only: they sit above the modules they call
// (sanitization, workshop), which themselves call this index.
export { createDevice, createDevicesBulk, countByStatus, formatAssetTag, listDevices } from './devices.service.js';
export { appendEvent, verifyChains } from './devices.events.js';
export { initAuditModels } from './devices.audit.model.js';
export {
  initDeviceModels,
  associateDeviceModels,
  associateDevicesWithDonations,
  DEVICE_TYPES,
  MEDIA_TYPES,
} from './devices.model.js';
// Types only: a caller may hold a row this module handed it (e.g. loadForAction's, for changeStatus), never the model.
export type { Device, Drive } from './devices.model.js';
export {
  assetTagOf,
  assetTagsOf,
  countDrives,
  deviceColumns,
  deviceIdByTag,
  devicesByIds,
  devicesCsvBatch,
  type DeviceCsvScope,
  type DeviceFilter,
  devicesOfDonation,
  deviceSpecsOf,
  driveSpecsOf,
  drivesOf,
  findDevice,
  lockDevice,
  lockDeviceRows,
  readDeviceRow,
  oldestInStatus,
  readyDevicesOfTypes,
  type DeviceRow,
} from './devices.queries.js';
export { deviceInput, deviceInputKeys, toDeviceDto, type DeviceInput } from './devices.schema.js';
export * from './devices.lifecycle.js';
export { transferToCustody, returnFromCustody } from './devices.custody.js';
export { changeStatus, loadForAction, type StatusChange, type DeviceFields } from './devices.state.js';
export { toDriveDto, toEventDto, idParams as deviceIdParams } from './devices.schema.js';
export { countDevices } from './devices.totals.js';
export { SELECTION_MAX, selectionQuery } from './devices.bulk.js';
