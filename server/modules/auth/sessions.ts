// Sessions live in the database (hashed token, expiry, revocation), so any server instance can check them.
import { createHash, randomBytes } from 'node:crypto';
import { Op } from 'sequelize';
import { config } from '../../config.js';
import { withTransaction } from '../../db/sequelize.js';
import { Session, User } from './auth.model.js';
import type { Actor } from './roles.js';

export const SESSION_COOKIE = 'nimah_session';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function openSession(userId: number): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + config.auth.sessionTtlMs);
  await withTransaction(async (transaction) => {
    await Session.create({ userId, tokenHash: hashToken(token), expiresAt }, { transaction });
    await User.update({ lastLoginAt: new Date() }, { where: { id: userId }, transaction });
    // Housekeeping: expired sessions of this user are of no further use.
    await Session.destroy({ where: { userId, expiresAt: { [Op.lt]: new Date() } }, transaction });
  });
  return { token, expiresAt };
}

export async function actorForToken(token: string): Promise<Actor | undefined> {
  const session = await Session.findOne({
    where: { tokenHash: hashToken(token), revokedAt: null, expiresAt: { [Op.gt]: new Date() } },
    include: [{ model: User, as: 'user', required: true, where: { active: true } }],
  });
  const user = (session as (Session & { user?: User }) | null)?.user;
  return user ? { id: user.id, role: user.role, name: user.name, email: user.email } : undefined;
}

export async function revokeSession(token: string): Promise<void> {
  await withTransaction((transaction) =>
    Session.update({ revokedAt: new Date() }, { where: { tokenHash: hashToken(token), revokedAt: null }, transaction }));
}

export async function revokeAllSessions(userId: number): Promise<void> {
  await withTransaction((transaction) =>
    Session.update({ revokedAt: new Date() }, { where: { userId, revokedAt: null }, transaction }));
}
