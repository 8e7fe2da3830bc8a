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
// Batches for documents (delivery note, the institution's certificate and its verification), and who may read an
// allocation's certificate (a partner: devices in its custody).
export {
  allocationVisibleTo,
  findBatchRecord,
  handedOverBatchByCertificateCode,
  type BatchRecord,
} from './allocations.batch-queries.js';
export { accessoriesOf } from './allocations.batch-schema.js';
