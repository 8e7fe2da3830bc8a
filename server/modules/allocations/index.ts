export { allocationRoutes } from './allocations.routes.js';
export { Allocation, initAllocationModels, type AllocationStatus } from './allocations.model.js';
export { toAllocationDto, type AllocationDto } from './allocations.schema.js';
