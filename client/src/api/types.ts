// The wire types are the server's (server/shared/api-types.ts, pure types); the client never redefines them.
export type * from '../../../server/shared/api-types';
export type * from './extra-types';
