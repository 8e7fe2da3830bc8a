// The wire types are the server's (server/shared/api-types.ts, pure types); the client never redefines them.
// The other files hold shapes the server has not moved into the shared file yet, mirrored from its modules.
export type * from '../../../server/shared/api-types';
export type * from './extra-types';
export type * from './workshop-types';
export type * from './beneficiary-types';
export type * from './allocation-types';
