export { authRoutes } from './auth.routes.js';
export { authorize, actorOf } from './auth.middleware.js';
export { ensureFirstAdmin, createUser } from './auth.service.js';
export { initAuthModels, associateAuthModels, User } from './auth.model.js';
export { hashPassword } from './passwords.js';
export * from './roles.js';
export { idParams } from './auth.schema.js';
export type { UserDto } from './auth.schema.js';
