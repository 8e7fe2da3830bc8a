// The public rate limits' counters in the database (table rate_limit_hits), so that every instance counts into the
// same row and N instances do not make N × the limit (docs/scaling.md). One row per limiter and client address: the
// hits of its current window, which starts at the first hit and starts again, in the same row, with the first hit
// after it ended (as the in-memory store and the sign-in throttle's counters do; auth.throttle.ts).
//
// A hit is counted and read back by ONE statement, so parallel requests on any number of instances each see their
// own place in the count and none gets an extra try:
// - MySQL/MariaDB: INSERT … ON DUPLICATE KEY UPDATE, whose LAST_INSERT_ID(expr) hands the new count (and how old the
//   window is) back in the statement's own answer; one autocommitted round trip, no transaction.
// - SQLite: INSERT … ON CONFLICT DO UPDATE and a SELECT of the row in one write transaction (one writer at a time, even
//   across processes: BEGIN IMMEDIATE), where a statement is a function call, not a round trip.
// A GET on a limited page writes this row and nothing else. Rows whose window has ended are deleted by the
// housekeeping pass after a sign-in (auth.housekeeping.ts), never on a public request's path.
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import { QueryTypes } from 'sequelize';
import { DEADLOCK_ATTEMPTS, getSequelize, isDeadlock, isSqlite, withTransaction } from '../db/sequelize.js';
import { selectIn, writeAlone, writeAloneOnMysql, writeIn } from '../db/statements.js';

/**
 * On MySQL the statement returns `hits + SHIFT × (age of the window in ms)` through LAST_INSERT_ID. Hits stop at
 * HITS_CAP (far past any limit: only "over" matters by then) and a window is shorter than 2^32 ms, so the value stays
 * under 2^53 and arrives exact in a JavaScript number.
 */
const SHIFT = 2 ** 21;
const HITS_CAP = SHIFT - 1;
const MAX_WINDOW_MS = 2 ** 32 - 1;

// MySQL assigns SET columns left to right with the new values: hits is computed first, from the old window_start.
// The parameters are positional (a prepared statement): key, now | since, now, since, now | since, now.
const COUNT_MYSQL = `INSERT INTO rate_limit_hits (\`key\`, window_start, hits) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE
  hits = LAST_INSERT_ID(IF(window_start <= ?, 1, LEAST(hits + 1, ${HITS_CAP}))
    + ${SHIFT} * (? - IF(window_start <= ?, ?, window_start))) MOD ${SHIFT},
  window_start = IF(window_start <= ?, ?, window_start)`;
// SQLite reads every SET expression with the row's old values.
const COUNT_SQLITE = `INSERT INTO rate_limit_hits (\`key\`, window_start, hits) VALUES (?, ?, 1)
  ON CONFLICT (\`key\`) DO UPDATE SET
    hits = CASE WHEN window_start <= ? THEN 1 ELSE MIN(hits + 1, ${HITS_CAP}) END,
    window_start = CASE WHEN window_start <= ? THEN ? ELSE window_start END`;
const READ = 'SELECT hits, window_start FROM rate_limit_hits WHERE `key` = ?';

interface Counted {
  hits: number;
  windowStart: number;
}

async function countOnMysql(key: string, now: number, since: number): Promise<Counted> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const result = await writeAloneOnMysql(COUNT_MYSQL, [key, now, since, now, since, now, since, now]);
      // 1: a new row (this is its first hit); 2: an existing row updated, its count and age in insertId.
      if (result.affectedRows === 1) return { hits: 1, windowStart: now };
      return { hits: result.insertId % SHIFT, windowStart: now - Math.floor(result.insertId / SHIFT) };
    } catch (error) {
      // A single statement rolled back whole by InnoDB's deadlock detection is safe to run again.
      if (attempt >= DEADLOCK_ATTEMPTS || !isDeadlock(error)) throw error;
    }
  }
}

function countOnSqlite(key: string, now: number, since: number): Promise<Counted> {
  return withTransaction(async (transaction) => {
    await writeIn(transaction, COUNT_SQLITE, [key, now, since, since, now]);
    const [row] = await selectIn<{ hits: number; window_start: number }>(transaction, READ, [key]);
    return { hits: Number(row.hits), windowStart: Number(row.window_start) };
  });
}

/** The longest window of any limiter this process made: housekeeping deletes rows older than that. */
let longestWindowMs = 0;

/** express-rate-limit's Store over rate_limit_hits; `prefix` names the limiter (each limiter has its own count). */
export class DatabaseRateLimitStore implements Store {
  /** Counts are shared with every other instance (express-rate-limit's double-count check reads this). */
  readonly localKeys = false;
  private windowMs = 0;

  constructor(readonly prefix: string) {}

  init(options: Options): void {
    if (!(options.windowMs > 0 && options.windowMs <= MAX_WINDOW_MS)) {
      throw new Error(`rate limit ${this.prefix}: windowMs must be between 1 and ${MAX_WINDOW_MS}`);
    }
    this.windowMs = options.windowMs;
    longestWindowMs = Math.max(longestWindowMs, options.windowMs);
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const now = Date.now();
    const since = now - this.windowMs;
    const count = isSqlite() ? countOnSqlite : countOnMysql;
    const { hits, windowStart } = await count(this.prefix + key, now, since);
    return { totalHits: hits, resetTime: new Date(windowStart + this.windowMs) };
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const rows = await getSequelize().query<{ hits: number; window_start: number | string }>(READ, {
      replacements: [this.prefix + key],
      type: QueryTypes.SELECT,
    });
    const row = rows[0];
    const ends = row ? Number(row.window_start) + this.windowMs : 0;
    return row && ends > Date.now() ? { totalHits: Number(row.hits), resetTime: new Date(ends) } : undefined;
  }

  async decrement(key: string): Promise<void> {
    await writeAlone('UPDATE rate_limit_hits SET hits = hits - 1 WHERE `key` = ? AND hits > 0', [this.prefix + key]);
  }

  async resetKey(key: string): Promise<void> {
    await writeAlone('DELETE FROM rate_limit_hits WHERE `key` = ?', [this.prefix + key]);
  }
}

const PURGE_BATCH = 500;
const PURGE_MAX_BATCHES = 20;

/**
 * Deletes the rows whose window ended (older than the longest window of this process's limiters), in batches by
 * primary key: a plain read picks the keys, the DELETE repeats the condition, so a row a hit renewed meanwhile stays
 * (the pattern of auth.housekeeping.ts, whose pass runs this). Returns how many went.
 */
export async function purgeEndedRateLimitWindows(now = Date.now()): Promise<number> {
  if (longestWindowMs === 0) return 0;
  const before = now - longestWindowMs;
  const sequelize = getSequelize();
  let deleted = 0;
  for (let i = 0; i < PURGE_MAX_BATCHES; i += 1) {
    const rows = await sequelize.query<{ key: string }>(
      `SELECT \`key\` FROM rate_limit_hits WHERE window_start <= ? ORDER BY window_start LIMIT ${PURGE_BATCH}`,
      { replacements: [before], type: QueryTypes.SELECT },
    );
    if (rows.length === 0) break;
    deleted += await withTransaction((transaction) =>
      sequelize.query('DELETE FROM rate_limit_hits WHERE `key` IN (:keys) AND window_start <= :before', {
        replacements: { keys: rows.map((r) => r.key), before },
        type: QueryTypes.BULKDELETE,
        transaction,
      }),
    );
    if (rows.length < PURGE_BATCH) break;
  }
  return deleted;
}
