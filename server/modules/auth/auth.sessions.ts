// Sessions live in the database (hashed token, expiry, revocation), so any server instance can check them.
import { createHash, randomBytes } from 'node:crypto';
import { Op } from 'sequelize';
import { config } from '../../config.js';
import { withTransaction } from '../../db/sequelize.js';
import { Session, User } from './auth.model.js';
import { logger } from '../../lib/logger.js';
import type { Actor } from './auth.roles.js';

export const SESSION_COOKIE = 'nimah_session';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * One statement per transaction, on purpose. The three writes this was (session insert, last-login update, range
 * delete of the user's expired sessions) deadlocked on MariaDB when one account signed in several times at once:
 * the insert's foreign-key check holds a shared lock on the user row that the update then needs exclusively, and
 * the delete's next-key locks caught the neighbours' inserts. Expired sessions now go in housekeeping.ts.
 */
export async function openSession(userId: number): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + config.auth.sessionTtlMs);
  await withTransaction((transaction) =>
    Session.create({ userId, tokenHash: hashToken(token), expiresAt }, { transaction }),
  );
  await withTransaction((transaction) =>
    User.update({ lastLoginAt: new Date() }, { where: { id: userId }, transaction }),
  );
  return { token, expiresAt };
}

// A short in-process cache of token hash → actor, so that a request does not pay a session lookup (a join) every
// time. The database stays the truth: sessions are revoked there, and a cached actor is trusted for at most
// SESSION_CACHE_MS after it was read (and never past the session's own expiry). Revocations through this process
// (logout, deactivation, password or role change) also drop the entry at once; one made by another instance or
// directly in the database takes effect here within SESSION_CACHE_MS. Only successful lookups are kept, so unknown
// tokens cannot fill it. See docs/performance.md and docs/scaling.md.
export const SESSION_CACHE_MS = 5_000;
/**
 * A token in use is read again this long before its entry runs out, in the background, while the cached actor
 * still answers: a busy client never waits for the lookup, and its concurrent requests do not all miss at once
 * every SESSION_CACHE_MS (which made a spike in the scan lookup's tail latency, docs/performance.md round 4).
 */
export const SESSION_REFRESH_AHEAD_MS = 1_000;
const SESSION_CACHE_MAX = 10_000;
const cached = new Map<string, { actor: Actor; until: number; refreshing: boolean }>();
// Bumped by every revocation: a lookup that raced with one (read the row before it changed) is not cached, and
// requests after it do not join a lookup that started before it.
let revocations = 0;
/** Lookups under way, by revocation generation and token hash: concurrent requests with one token share one. */
const lookups = new Map<string, Promise<Actor | undefined>>();

/** The actor of a session token, or undefined. `now` is the caller's clock (tests move it). */
export async function actorForToken(token: string, now = Date.now()): Promise<Actor | undefined> {
  const tokenHash = hashToken(token);
  const hit = cached.get(tokenHash);
  if (hit && hit.until > now) {
    if (hit.until - now <= SESSION_REFRESH_AHEAD_MS && !hit.refreshing) {
      hit.refreshing = true;
      lookup(tokenHash, now).catch((error: unknown) => {
        hit.refreshing = false;
        logger.warn('session refresh failed', { error: error instanceof Error ? error.message : String(error) });
      });
    }
    return hit.actor;
  }
  if (hit) cached.delete(tokenHash);
  return lookup(tokenHash, now);
}

/** Reads the session (one lookup per token and generation at a time) and caches or forgets it. */
function lookup(tokenHash: string, now: number): Promise<Actor | undefined> {
  const generation = revocations;
  const key = `${generation}:${tokenHash}`;
  let pending = lookups.get(key);
  if (!pending) {
    pending = readSession(tokenHash, generation, now).finally(() => lookups.delete(key));
    lookups.set(key, pending);
  }
  return pending;
}

async function readSession(tokenHash: string, generation: number, now: number): Promise<Actor | undefined> {
  const session = await Session.findOne({
    where: { tokenHash, revokedAt: null, expiresAt: { [Op.gt]: new Date(now) } },
    include: [{ model: User, as: 'user', required: true, where: { active: true } }],
  });
  // tsc needs the include's shape here; typescript-eslint's type view calls the assertion unnecessary.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  const user = (session as (Session & { user?: User }) | null)?.user;
  if (!session || !user) {
    if (generation === revocations) cached.delete(tokenHash);
    return undefined;
  }
  const actor: Actor = {
    id: user.id,
    role: user.role,
    name: user.name,
    email: user.email,
    partnerId: user.partnerId ?? null,
  };
  if (generation !== revocations) return actor;
  if (!cached.has(tokenHash) && cached.size >= SESSION_CACHE_MAX) cached.delete(cached.keys().next().value as string);
  cached.set(tokenHash, {
    actor,
    until: Math.min(now + SESSION_CACHE_MS, new Date(session.expiresAt).getTime()),
    refreshing: false,
  });
  return actor;
}

/** Drops cached entries before and after the revocation commits, so no lookup in between can keep one alive. */
async function revoking(forget: () => void, revoke: () => Promise<unknown>): Promise<void> {
  revocations += 1;
  forget();
  try {
    await revoke();
  } finally {
    revocations += 1;
    forget();
  }
}

export async function revokeSession(token: string): Promise<void> {
  const tokenHash = hashToken(token);
  await revoking(
    () => cached.delete(tokenHash),
    () =>
      withTransaction((transaction) =>
        Session.update({ revokedAt: new Date() }, { where: { tokenHash, revokedAt: null }, transaction }),
      ),
  );
}

export async function revokeAllSessions(userId: number): Promise<void> {
  const forget = () => {
    for (const [key, entry] of cached) if (entry.actor.id === userId) cached.delete(key);
  };
  await revoking(forget, () =>
    withTransaction((transaction) =>
      Session.update({ revokedAt: new Date() }, { where: { userId, revokedAt: null }, transaction }),
    ),
  );
}

/** Ends every session of the user but the one of `keepToken` (a password change ends the others at once). */
export async function revokeOtherSessions(userId: number, keepToken: string | undefined): Promise<void> {
  const keep = keepToken ? hashToken(keepToken) : '';
  const forget = () => {
    for (const [key, entry] of cached) if (entry.actor.id === userId && key !== keep) cached.delete(key);
  };
  await revoking(forget, () =>
    withTransaction((transaction) =>
      Session.update(
        { revokedAt: new Date() },
        { where: { userId, revokedAt: null, tokenHash: { [Op.ne]: keep } }, transaction },
      ),
    ),
  );
}

/** Resolves once every session lookup under way (including background refreshes) has ended; for tests. */
export async function sessionLookupsSettled(): Promise<void> {
  await Promise.allSettled([...lookups.values()]);
}
