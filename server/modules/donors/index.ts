export { associateDonorRows, initDonorModels } from './donors.model.js';
export type { Donor } from './donors.model.js';
export { createDonor, donorExists, findDonor, listDonors, updateDonor } from './donors.service.js';
export {
  donorInput,
  donorPatch,
  donorListQuery,
  donorKeys,
  toDonorDto,
  mayContactDonors,
  type DonorInput,
} from './donors.schema.js';
