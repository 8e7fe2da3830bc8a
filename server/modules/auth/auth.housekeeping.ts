// Sign-in housekeeping: attempt rows and throttle counters past their window, and expired sessions, are deleted so
// these tables do not grow without bound. It runs after a sign-in at most once a minute per process, in the
// background (never on the sign-in's own path), in small batches deleted by primary key: a range DELETE
// (`WHERE created_at < ?`, `WHERE user_id = ? AND expires_at < ?`) takes next-key locks on MariaDB that block, and
// deadlocked, the inserts of concurrent sign-ins (docs/security.md). The same pass deletes the public rate limits'
// counters whose window ended (server/lib/rate-limit-store.ts): a public GET writes only its own counter row.
import { Op, type ModelStatic, type Model, type WhereOptions } from 'sequelize';
import { config } from '../../config.js';
import { withTransaction } from '../../db/sequelize.js';
import { logger } from '../../lib/logger.js';
import { purgeEndedRateLimitWindows } from '../../lib/rate-limit-store.js';
import { LoginAttempt, LoginThrottle, Session } from './auth.model.js';

const EVERY_MS = 60_000;
const BATCH = 500;
const MAX_BATCHES = 20;

let lastRun = 0;
let running: Promise<unknown> | undefined;

/** Deletes up to MAX_BATCHES × BATCH rows matching `where`, a batch per transaction, by id. */
async function purge<M extends Model & { id: number }>(model: ModelStatic<M>, where: WhereOptions): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < MAX_BATCHES; i += 1) {
    // A plain read (no lock) picks the ids; the DELETE repeats the condition, so a row renewed meanwhile stays.
    const rows = await model.findAll({ attributes: ['id'], where, order: [['id', 'ASC']], limit: BATCH });
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.id);
    deleted += await withTransaction((transaction) =>
      model.destroy({ where: { [Op.and]: [{ id: ids }, where] }, transaction }),
    );
    if (rows.length < BATCH) break;
  }
  return deleted;
}

/** One pass of housekeeping; returns how many rows of each kind went. */
export async function purgeSignInHistory(
  now = new Date(),
): Promise<{ attempts: number; throttles: number; sessions: number }> {
  const since = new Date(now.getTime() - config.auth.loginWindowMs);
  return {
    attempts: await purge(LoginAttempt, { createdAt: { [Op.lt]: since } }),
    throttles: await purge(LoginThrottle, { windowStart: { [Op.lt]: since } }),
    sessions: await purge(Session, { expiresAt: { [Op.lt]: now } }),
  };
}

/** Starts a pass in the background when the last one is a minute old; a failure is logged, never thrown. */
export function scheduleHousekeeping(now = Date.now()): void {
  if (running || now - lastRun < EVERY_MS) return;
  lastRun = now;
  running = purgeSignInHistory(new Date(now))
    .then(async (counts) => ({ ...counts, rateLimits: await purgeEndedRateLimitWindows(now) }))
    .then((counts) => logger.debug('auth.housekeeping', counts))
    .catch((error: unknown) =>
      logger.warn('auth.housekeeping_failed', { error: error instanceof Error ? error.message : String(error) }),
    )
    .finally(() => {
      running = undefined;
    });
}

/** Resolves when the pass under way (if any) has ended; for tests. */
export async function housekeepingSettled(): Promise<void> {
  await running;
}
