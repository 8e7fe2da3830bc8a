// Sign-in throttling that fits an office behind one address (docs/security.md, "Sign-in throttling").
//
// Three counters, each a row of login_throttles holding the failed tries of its current window:
// - the (account, address) pair: the lockout a user meets after mistyping, limited to that account at that address;
// - the address, over every account: much higher, against one address spraying many accounts;
// - the account, over every address: much higher, against many addresses guessing one account. Past it, only an
//   address that has not failed for this account in the window gets a try (one), so a stranger cannot lock the owner
//   out of an address the stranger has never failed from, such as the owner's office.
// A try is taken from each counter BEFORE the password is checked, by one conditional UPDATE that counts it as
// pending while failures + pending < limit; the check and the count cannot be split by a parallel request, so
// parallel guesses get no extra tries. When the check ends, the pending try becomes a failure or is given back.
// A counter full of pending tries (a class signing in on one shared account) makes the next try wait, not fail.
import { DatabaseError, QueryTypes } from 'sequelize';
import { config } from '../../config.js';
import { getSequelize, isSqlite, withTransaction } from '../../db/sequelize.js';
import { RateLimitedError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import { LoginThrottle } from './auth.model.js';

type Scope = LoginThrottle['scope'];
interface Bucket {
  scope: Scope;
  email: string;
  ip: string;
  limit: number;
}
/** The counters a sign-in took a try from; settle it with `settleTry` once the password is checked. */
export interface Reservation {
  buckets: Bucket[];
}

/**
 * A try waits for a counter full of pending tries for as long as those tries keep ending (its `settled` moves):
 * each check is 0.2–0.5 s of a core, several times more on a loaded machine, so a class on one shared account gets
 * through however slow the server. It is refused once the counter has not moved for STALL_MS (tries left pending by
 * a process that died are forgotten only when the window ends), and WAIT_MAX_MS bounds the wait in any case.
 */
const STALL_MS = 120_000;
const WAIT_MAX_MS = 600_000;

const keyOf = ({ scope, email, ip }: Bucket) => ({ scope, email, ip });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// MySQL evaluates SET assignments left to right with the new values, so window_start is assigned last.
// A window over its time starts again: no failure, and this try as its only pending one (one left behind by a
// process that died mid-check is forgotten then).
const TAKE_SQL = `UPDATE login_throttles SET failures = CASE WHEN window_start < :since THEN 0 ELSE failures END,
    pending = CASE WHEN window_start < :since THEN 1 ELSE pending + 1 END,
    window_start = CASE WHEN window_start < :since THEN :now ELSE window_start END
  WHERE email = :email AND ip = :ip AND scope = :scope AND (window_start < :since OR failures + pending < :limit)`;
const SETTLE_SQL = (failed: boolean) => `UPDATE login_throttles
  SET pending = CASE WHEN pending > 0 THEN pending - 1 ELSE 0 END, settled = settled + 1${failed ? ', failures = failures + 1' : ''}
  WHERE email = :email AND ip = :ip AND scope = :scope`;

// Every sign-in from one office updates the same per-address row. On MariaDB, concurrent INSERT IGNOREs of an
// existing key wait for a shared lock behind an UPDATE's exclusive one and can then deadlock with each other; the
// loser's single statement was rolled back whole, so running it again is safe (MySQL's own advice for deadlocks).
const LOCK_RETRIES = 5;
const lockConflict = (err: unknown): boolean =>
  err instanceof DatabaseError && /Deadlock found|Lock wait timeout/i.test(err.message);

async function run(sql: string, replacements: Record<string, unknown>): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return Number(
        await withTransaction((transaction) =>
          getSequelize().query(sql, { replacements, transaction, type: QueryTypes.BULKUPDATE }),
        ),
      );
    } catch (err) {
      if (!lockConflict(err) || attempt >= LOCK_RETRIES) throw err;
      await sleep(5 * attempt + Math.random() * 10 * attempt);
    }
  }
}

/** Takes one try from the bucket: 'taken', or why not ('full' of failures, or 'busy' with pending tries). */
async function take(bucket: Bucket, now: Date): Promise<'taken' | 'full' | 'busy'> {
  const since = new Date(now.getTime() - config.auth.loginWindowMs);
  const replacements = { ...keyOf(bucket), limit: bucket.limit, since, now };
  if ((await run(TAKE_SQL, replacements)) === 1) return 'taken';
  // No row yet, or a full one: an insert that ignores a duplicate tells which. Should a parallel first try have
  // inserted the row between the two statements, the UPDATE is tried once more.
  const insert = `INSERT ${isSqlite() ? 'OR IGNORE' : 'IGNORE'} INTO login_throttles (email, ip, scope, failures, pending, window_start)
    VALUES (:email, :ip, :scope, 0, 1, :now)`;
  if ((await run(insert, replacements)) === 1 || (await run(TAKE_SQL, replacements)) === 1) return 'taken';
  const row = await LoginThrottle.findOne({ where: keyOf(bucket) });
  return row && row.failures >= bucket.limit ? 'full' : 'busy';
}

/** Takes a try, waiting while the bucket is busy with pending tries: growing pauses, and reads (not writes) until it frees. */
async function takeWaiting(bucket: Bucket): Promise<'taken' | 'full' | 'busy'> {
  const started = Date.now();
  let seen = '';
  let movedAt = started;
  for (let pause = 20; ; pause = Math.min(pause * 2, 400)) {
    const result = await take(bucket, new Date());
    if (result !== 'busy') return result;
    for (;;) {
      await sleep(pause / 2 + Math.random() * pause);
      const row = await LoginThrottle.findOne({
        attributes: ['failures', 'pending', 'settled', 'windowStart'],
        where: keyOf(bucket),
      });
      const now = Date.now();
      const state = row ? `${row.settled}/${new Date(row.windowStart).getTime()}` : '';
      if (state !== seen) [seen, movedAt] = [state, now];
      const windowOver = row && new Date(row.windowStart).getTime() < now - config.auth.loginWindowMs;
      if (!row || windowOver || row.failures + row.pending < bucket.limit) break;
      if (now - movedAt > STALL_MS || now - started > WAIT_MAX_MS) return 'busy';
    }
  }
}

/** The 429 for a full bucket, with the time left in its window. No email or address is logged. */
async function refusal(bucket: Bucket, why: 'full' | 'busy'): Promise<RateLimitedError> {
  if (why === 'busy') {
    logger.warn('auth.login_busy', { scope: bucket.scope });
    return new RateLimitedError('Too many sign-ins are being checked at once here; try again in a moment', 5);
  }
  const now = Date.now();
  const row = await LoginThrottle.findOne({ where: keyOf(bucket) });
  const endsAt = (row ? new Date(row.windowStart).getTime() : now) + config.auth.loginWindowMs;
  const seconds = Math.max(1, Math.ceil((endsAt - now) / 1000));
  logger.warn('auth.login_throttled', { scope: bucket.scope, retryAfterSeconds: seconds });
  const whose = {
    pair: 'for this account from this address',
    address: 'from this address',
    account: 'for this account',
  }[bucket.scope];
  return new RateLimitedError(
    `Too many failed sign-in attempts ${whose}; try again in ${Math.ceil(seconds / 60)} minutes`,
    seconds,
  );
}

/** Ends the pending tries of a sign-in: as failures when the password was wrong, given back when it was right. */
export async function settleTry(reservation: Reservation, failed: boolean): Promise<void> {
  for (const bucket of [...reservation.buckets].reverse()) await run(SETTLE_SQL(failed), keyOf(bucket));
}

/** Takes a try from every counter of this sign-in, or throws 429 (keeping none) when one of them is full. */
export async function reserveTry(email: string, ip: string): Promise<Reservation> {
  const limits = config.auth.loginMaxFailures;
  const taken: Bucket[] = [];
  try {
    const address: Bucket = { scope: 'address', email: '', ip, limit: limits.address };
    const byAddress = await takeWaiting(address);
    if (byAddress !== 'taken') throw await refusal(address, byAddress);
    taken.push(address);
    const account: Bucket = { scope: 'account', email, ip: '', limit: limits.account };
    const byAccount = await takeWaiting(account);
    if (byAccount === 'busy') throw await refusal(account, byAccount);
    if (byAccount === 'taken') taken.push(account);
    // Past the account's ceiling an address keeps one try, and only while it has no failure for this account.
    const pair: Bucket = { scope: 'pair', email, ip, limit: byAccount === 'taken' ? limits.accountAddress : 1 };
    const byPair = await takeWaiting(pair);
    if (byPair !== 'taken') throw await refusal(byAccount === 'taken' || byPair === 'busy' ? pair : account, byPair);
    taken.push(pair);
    return { buckets: taken };
  } catch (error) {
    await settleTry({ buckets: taken }, false);
    throw error;
  }
}

/** Ends every lockout of one account (its own counter and its pairs with every address). Rows go by primary key. */
export async function clearLockout(email: string): Promise<number> {
  const rows = await LoginThrottle.findAll({ attributes: ['id'], where: { email } });
  if (rows.length === 0) return 0;
  return withTransaction((transaction) => LoginThrottle.destroy({ where: { id: rows.map((r) => r.id) }, transaction }));
}
