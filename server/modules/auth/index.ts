// The auth module's public face: who the caller is, what each role may do, users for other modules to read.
export { authorize, actorOf } from './auth.middleware.js';
export { ensureFirstAdmin, createUser, insertFirstAdmin, anyUserExists, signedIn } from './auth.service.js';
export { setSessionCookie } from './auth.cookie.js';
export { initAuthModels, associateAuthModels, associateUserRows } from './auth.model.js';
export type { User } from './auth.model.js';
export { activeUsersAmong, activeUsersWithRoles, userNamesOf, type UserName } from './auth.queries.js';
export { hashPassword } from './auth.passwords.js';
export * from './auth.roles.js';
export { idParams, passwordSchema } from './auth.schema.js';
export type { UserDto } from './auth.schema.js';
