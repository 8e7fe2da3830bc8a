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
// The donor's page (spec §12): its secret link and the register of yearly statements (their drawing and the check
// that a year may be issued are the documents module's: issueStatement there).
export { findByPageToken, isPageToken, pageUrlOf, type PageTokenLookup } from './donors.page-token.js';
export { findStatement, recordStatement, statementsOf, type StatementRecord } from './donors.statements.js';
export { maySeeDonorPage, statementQuery } from './donors.schema.js';
export { donorContact, emailDonor, type DonorContact } from './donors.contact.js';
