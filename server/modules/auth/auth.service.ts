import { Op, type InferAttributes } from 'sequelize';
import { config } from '../../config.js';
import { withTransaction } from '../../db/sequelize.js';
import { ConflictError, NotFoundError, RateLimitedError, UnauthenticatedError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import { offsetOf, type Page } from '../../lib/pagination.js';
import { LoginAttempt, User } from './auth.model.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.js';
import { openSession, revokeAllSessions } from './sessions.js';
import {
  toUserDto, type CreateUserInput, type LoginInput, type UpdateMeInput, type UpdateUserInput, type UserDto, type UserListQuery,
} from './auth.schema.js';
import type { Actor } from './roles.js';

export async function login(input: LoginInput, ip: string): Promise<{ token: string; expiresAt: Date; user: UserDto }> {
  await assertNotThrottled(input.email, ip);
  const user = await User.findOne({ where: { email: input.email } });
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  const succeeded = Boolean(user && user.active && ok);
  await withTransaction((transaction) => LoginAttempt.create({ email: input.email, ip, succeeded }, { transaction }));
  if (!succeeded || !user) {
    logger.info('auth.login_failed', { userId: user?.id });
    throw new UnauthenticatedError('Email or password is wrong');
  }
  const session = await openSession(user.id);
  logger.info('auth.login', { userId: user.id });
  return { ...session, user: toUserDto(user) };
}

/** 429 after too many failures in the window, counted per account (since its last success) and per address. */
async function assertNotThrottled(email: string, ip: string): Promise<void> {
  const since = new Date(Date.now() - config.auth.loginWindowMs);
  const lastSuccess = await LoginAttempt.max<Date, LoginAttempt>('createdAt', { where: { email, succeeded: true, createdAt: { [Op.gte]: since } } });
  const accountSince = lastSuccess && new Date(lastSuccess) > since ? new Date(lastSuccess) : since;
  const [byAccount, byIp] = await Promise.all([
    LoginAttempt.count({ where: { email, succeeded: false, createdAt: { [Op.gt]: accountSince } } }),
    LoginAttempt.count({ where: { ip, succeeded: false, createdAt: { [Op.gte]: since } } }),
  ]);
  if (byAccount >= config.auth.loginMaxFailures || byIp >= config.auth.loginMaxFailures) {
    logger.warn('auth.login_throttled', { byAccount, byIp });
    throw new RateLimitedError('Too many failed sign-in attempts; wait 15 minutes and try again', Math.ceil(config.auth.loginWindowMs / 1000));
  }
}

export async function createUser(input: CreateUserInput): Promise<UserDto> {
  const existing = await User.findOne({ where: { email: input.email } });
  if (existing) throw new ConflictError('DUPLICATE_EMAIL', 'A user with this email exists', [{ path: 'email', message: 'is already used' }]);
  const passwordHash = await hashPassword(input.password);
  const user = await withTransaction((transaction) =>
    User.create({ email: input.email, name: input.name, role: input.role, passwordHash, language: input.language }, { transaction }));
  logger.info('user.created', { userId: user.id, role: user.role });
  return toUserDto(user);
}

export async function listUsers(q: UserListQuery): Promise<Page<UserDto>> {
  const where: Record<string, unknown> = {};
  if (q.role) where.role = q.role;
  if (q.q) Object.assign(where, { [Op.or]: [{ email: { [Op.like]: `%${q.q}%` } }, { name: { [Op.like]: `%${q.q}%` } }] });
  const { rows, count } = await User.findAndCountAll({ where, order: [['id', 'ASC']], limit: q.pageSize, offset: offsetOf(q) });
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
  if (password) changes.passwordHash = await hashPassword(password);
  await withTransaction((transaction) => user.update(changes, { transaction }));
  if (input.password || input.active === false || input.role) await revokeAllSessions(id);
  logger.info('user.updated', { userId: id, fields: Object.keys(input) });
  return toUserDto(user);
}

export async function updateMe(actor: Actor, input: UpdateMeInput): Promise<UserDto> {
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
  return toUserDto(user);
}

export async function getMe(actor: Actor): Promise<UserDto> {
  return getUser(actor.id);
}

/** On an empty users table, create the first admin from ADMIN_EMAIL / ADMIN_PASSWORD. */
export async function ensureFirstAdmin(): Promise<'created' | 'exists' | 'not_configured'> {
  if ((await User.count()) > 0) return 'exists';
  if (!config.admin.email || !config.admin.password) return 'not_configured';
  await createUser({ email: config.admin.email.toLowerCase(), name: config.admin.name, role: 'admin', password: config.admin.password, language: 'ar' });
  return 'created';
}
