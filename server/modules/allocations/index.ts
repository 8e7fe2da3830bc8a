// The allocations module's public face (documents read allocations for certificates).
export { Allocation, initAllocationModels, type AllocationStatus } from './allocations.model.js';
export { toAllocationDto, type AllocationDto } from './allocations.schema.js';
