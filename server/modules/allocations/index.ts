// The allocations module's public face (documents read allocations for certificates).
export { initAllocationModels, type AllocationStatus } from './allocations.model.js';
export type { Allocation } from './allocations.model.js';
export {
  countHandedOver,
  currentAppointmentOf,
  findAllocation,
  handedOverByCertificateCode,
  handedOverChunk,
  type CurrentAppointment,
  type HandoverPeriod,
} from './allocations.queries.js';
export { toAllocationDto, type AllocationDto } from './allocations.schema.js';
