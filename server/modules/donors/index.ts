export { Donor, initDonorModels } from './donors.model.js';
export { createDonor, findDonor, listDonors, updateDonor } from './donors.service.js';
export {
  donorInput,
  donorPatch,
  donorListQuery,
  donorKeys,
  toDonorDto,
  mayContactDonors,
  type DonorInput,
} from './donors.schema.js';
