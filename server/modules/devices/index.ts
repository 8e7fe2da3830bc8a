// The devices module's public face for other modules: services, queries, read-only models and the lifecycle.
// Its routes (devices.routes.ts) are imported by server/routes.ts only: they sit above the modules they call
// (sanitization, workshop), which themselves call this index.
export { createDevice, createDevicesBulk, countByStatus, formatAssetTag, listDevices } from './devices.service.js';
export { appendEvent, verifyChains } from './devices.events.js';
export { Device, Drive, DeviceEvent, initDeviceModels, associateDeviceModels, DEVICE_TYPES, MEDIA_TYPES } from './devices.model.js';
export { deviceInput, deviceInputKeys, toDeviceDto, type DeviceInput } from './devices.schema.js';
export * from './devices.lifecycle.js';
export { changeStatus, loadForAction, type StatusChange, type DeviceFields } from './devices.state.js';
export { toDriveDto, toEventDto, idParams as deviceIdParams } from './devices.schema.js';
export { countDevices } from './devices.totals.js';
