// Test data built directly in the database (the API is what is under test, not the factories).
import { User, hashPassword, type Role } from '../../server/modules/auth/index.js';
import { openSession } from '../../server/modules/auth/sessions.js';
import { withTransaction } from '../../server/db/sequelize.js';

export const TEST_PASSWORD = 'correct horse battery';
let passwordHash: string | undefined;
let counter = 0;

export async function createUser(role: Role, fields: Partial<{ email: string; name: string; active: boolean }> = {}): Promise<User> {
  passwordHash ??= await hashPassword(TEST_PASSWORD);
  counter += 1;
  return withTransaction((transaction) => User.create({
    email: fields.email ?? `${role}${counter}@nimah.test`, name: fields.name ?? `${role} ${counter}`,
    role, passwordHash: passwordHash!, active: fields.active ?? true,
  }, { transaction }));
}

/** A signed-in user of the role: returns the user and a bearer token. */
export async function signIn(role: Role): Promise<{ user: User; token: string }> {
  const user = await createUser(role);
  const { token } = await openSession(user.id);
  return { user, token };
}
