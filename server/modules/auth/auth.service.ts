import { Op, type InferAttributes, type Transaction } from 'sequelize';
import { config } from '../../config.js';
import { withTransaction } from '../../db/sequelize.js';
import { ConflictError, NotFoundError, UnauthenticatedError, ValidationError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import { offsetOf, type Page } from '../../lib/pagination.js';
import { LoginAttempt, User } from './auth.model.js';
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from './auth.passwords.js';
import { openSession, revokeAllSessions, revokeOtherSessions } from './auth.sessions.js';
import { clearLockout, reserveTry, settleTry } from './auth.throttle.js';
import { scheduleHousekeeping } from './auth.housekeeping.js';
import {
  toUserDto,
  type CreateUserInput,
  type LoginInput,
  type UpdateMeInput,
  type UpdateUserInput,
  type UserDto,
  type UserListQuery,
} from './auth.schema.js';
import type { Actor } from './auth.roles.js';

/**
 * A try is taken from the sign-in counters before the password is checked (throttle.ts): it becomes a failure when
 * the password was wrong and is given back when it was right. Every checked attempt is recorded in login_attempts. Each write is its own short transaction (see
 * openSession): sign-ins of one account or one office at once must not deadlock.
 */
export async function login(input: LoginInput, ip: string): Promise<{ token: string; expiresAt: Date; user: UserDto }> {
  const reservation = await reserveTry(input.email, ip);
  let user: User | null;
  let succeeded: boolean;
  try {
    user = await User.findOne({ where: { email: input.email } });
    const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
    succeeded = Boolean(user && user.active && ok);
    await withTransaction((transaction) => LoginAttempt.create({ email: input.email, ip, succeeded }, { transaction }));
  } catch (error) {
    await settleTry(reservation, false);
    throw error;
  } finally {
    scheduleHousekeeping();
  }
  await settleTry(reservation, !succeeded);
  if (!succeeded || !user) {
    logger.info('auth.login_failed', { userId: user?.id });
    throw new UnauthenticatedError('Email or password is wrong');
  }
  await rehashIfOlder(user, input.password);
  const session = await openSession(user.id);
  logger.info('auth.login', { userId: user.id });
  return { ...session, user: toUserDto(user) };
}

/** A hash made with older scrypt parameters is replaced now that the password is known; unless it changed meanwhile. */
async function rehashIfOlder(user: User, password: string): Promise<void> {
  if (!needsRehash(user.passwordHash)) return;
  const passwordHash = await hashPassword(password);
  await withTransaction((transaction) =>
    User.update({ passwordHash }, { where: { id: user.id, passwordHash: user.passwordHash }, transaction }),
  );
  logger.info('auth.password_rehashed', { userId: user.id });
}

/** An admin ends the sign-in lockouts of a user: the account's own counter and its counters with every address. */
export async function clearUserLockout(id: number, actor: Actor): Promise<void> {
  const user = await User.findByPk(id);
  if (!user) throw new NotFoundError(`User ${id} not found`);
  const cleared = await clearLockout(user.email);
  logger.info('user.lockout_cleared', { userId: id, by: actor.id, counters: cleared });
}

/**
 * The first admin of the setup (server/modules/setup), written in the setup's transaction: the password is hashed
 * before it opens (scrypt is slow), and the setup's claim already made sure no other user is being created.
 */
export async function insertFirstAdmin(
  input: { email: string; name: string; language: CreateUserInput['language'] },
  passwordHash: string,
  transaction: Transaction,
): Promise<UserDto> {
  const user = await User.create({ ...input, role: 'admin', partnerId: null, passwordHash }, { transaction });
  return toUserDto(user);
}

/** Whether any user exists: the one-time setup is offered only while none does. */
export const anyUserExists = async (transaction?: Transaction): Promise<boolean> =>
  (await User.count({ transaction })) > 0;

/** A session for a user just created (the setup ends signed in): the same answer as a sign-in. */
export async function signedIn(user: UserDto): Promise<{ token: string; expiresAt: Date; user: UserDto }> {
  const session = await openSession(user.id);
  logger.info('auth.login', { userId: user.id });
  return { ...session, user };
}

export async function createUser(input: CreateUserInput): Promise<UserDto> {
  const existing = await User.findOne({ where: { email: input.email } });
  if (existing)
    throw new ConflictError('DUPLICATE_EMAIL', 'A user with this email exists', [
      { path: 'email', message: 'is already used' },
    ]);
  const passwordHash = await hashPassword(input.password);
  const user = await withTransaction((transaction) =>
    User.create(
      {
        email: input.email,
        name: input.name,
        role: input.role,
        partnerId: input.role === 'partner' ? (input.partnerId ?? null) : null,
        passwordHash,
        language: input.language,
      },
      { transaction },
    ),
  );
  logger.info('user.created', { userId: user.id, role: user.role });
  return toUserDto(user);
}

export async function listUsers(q: UserListQuery): Promise<Page<UserDto>> {
  const where: Record<string, unknown> = {};
  if (q.role) where.role = q.role;
  if (q.q)
    Object.assign(where, { [Op.or]: [{ email: { [Op.like]: `%${q.q}%` } }, { name: { [Op.like]: `%${q.q}%` } }] });
  const { rows, count } = await User.findAndCountAll({
    where,
    order: [['id', 'ASC']],
    limit: q.pageSize,
    offset: offsetOf(q),
  });
  return { items: rows.map(toUserDto), total: count, page: q.page, pageSize: q.pageSize };
}

export async function getUser(id: number): Promise<UserDto> {
  const user = await User.findByPk(id);
  if (!user) throw new NotFoundError(`User ${id} not found`);
  return toUserDto(user);
}

export async function updateUser(id: number, input: UpdateUserInput, actor: Actor): Promise<UserDto> {
  const user = await User.findByPk(id);
  if (!user) throw new NotFoundError(`User ${id} not found`);
  if (id === actor.id && ((input.role && input.role !== 'admin') || input.active === false)) {
    throw new ConflictError('SELF_LOCKOUT', 'You cannot demote or deactivate yourself');
  }
  const { password, ...rest } = input;
  const changes: Partial<InferAttributes<User>> = { ...rest };
  const role = input.role ?? user.role;
  const partnerId = input.partnerId !== undefined ? input.partnerId : user.partnerId;
  if (role === 'partner' && partnerId == null)
    throw new ValidationError('A partner user belongs to a partner organisation', [
      { path: 'partnerId', message: 'is required with role partner', type: 'any.required' },
    ]);
  if (role !== 'partner' && input.partnerId != null)
    throw new ValidationError('Only a partner user belongs to a partner organisation', [
      { path: 'partnerId', message: 'goes only with role partner', type: 'any.only' },
    ]);
  if (role !== 'partner') changes.partnerId = null;
  if (password) changes.passwordHash = await hashPassword(password);
  await withTransaction((transaction) => user.update(changes, { transaction }));
  if (input.password || input.active === false || input.role || input.partnerId !== undefined)
    await revokeAllSessions(id);
  logger.info('user.updated', { userId: id, fields: Object.keys(input) });
  return toUserDto(user);
}

/** A new password ends every other session of the user at once; the one that changed it stays. */
export async function updateMe(actor: Actor, input: UpdateMeInput, sessionToken: string | undefined): Promise<UserDto> {
  const user = await User.findByPk(actor.id);
  if (!user) throw new NotFoundError('User not found');
  const changes: Partial<InferAttributes<User>> = {};
  if (input.name) changes.name = input.name;
  if (input.language) changes.language = input.language;
  if (input.password) {
    if (!(await verifyPassword(input.currentPassword ?? '', user.passwordHash))) {
      throw new UnauthenticatedError('The current password is wrong');
    }
    changes.passwordHash = await hashPassword(input.password);
  }
  await withTransaction((transaction) => user.update(changes, { transaction }));
  if (input.password) {
    await revokeOtherSessions(actor.id, sessionToken);
    logger.info('user.password_changed', { userId: actor.id });
  }
  return toUserDto(user);
}

export async function getMe(actor: Actor): Promise<UserDto> {
  return getUser(actor.id);
}

/** On an empty users table, create the first admin from ADMIN_EMAIL / ADMIN_PASSWORD. */
export async function ensureFirstAdmin(): Promise<'created' | 'exists' | 'not_configured'> {
  if ((await User.count()) > 0) return 'exists';
  if (!config.admin.email || !config.admin.password) return 'not_configured';
  await createUser({
    email: config.admin.email.toLowerCase(),
    name: config.admin.name,
    role: 'admin',
    password: config.admin.password,
    language: 'ar',
  });
  return 'created';
}
