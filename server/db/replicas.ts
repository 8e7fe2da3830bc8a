// Read replicas (DATABASE_REPLICA_URLS, docs/scaling.md "The database tier"): whether they are fit to be read, for
// db/replica-routing.ts (which reads go to them) and /api/health. Fit: every replica reachable and at most
// REPLICA_MAX_LAG_MS behind.
//
// Lag: each instance upserts its own row of `replica_heartbeats` on the primary every HEARTBEAT_MS with its own
// clock (Date.now()), keeps the beats it wrote, and reads its row back on each replica. The replica has applied every
// write up to the beat it shows, and none of the first beat after it: lag = now − that first missing beat (0 when
// it shows the latest). Milliseconds, one clock (no skew between machines), and it also sees a stopped SQL thread,
// which SHOW SLAVE STATUS's whole seconds (Seconds_Behind_Master is NULL then) do not tell as directly; the
// estimate is low by less than HEARTBEAT_MS. The beats are a background timer's writes, never a request's.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import mysql from 'mysql2/promise';
import { config } from '../config.js';
import { logger } from '../lib/logger.js';
import { writeAlone } from './statements.js';
import { readingPrimary, replicasConfigured, setReplicasUsable } from './replica-routing.js';

export const HEARTBEAT_MS = 500;
/** How long one look at a replica (connect and read) may take before it counts as unreachable. */
const CHECK_TIMEOUT_MS = 1000;
/** Rows of instances that stopped beating this long ago are deleted (one row per running instance). */
const FORGET_INSTANCE_MS = 24 * 3600_000;

export type ReplicaState =
  | { state: 'ok'; lagMs: number; checkedAt: number }
  | { state: 'lagging'; lagMs: number; checkedAt: number }
  | { state: 'unreachable'; error: string; checkedAt: number }
  | { state: 'unknown'; checkedAt: number };

// Health: the monitor's last look at each replica. Replicas are used as a set: all fit, or the primary serves every
// read (Sequelize's read pool spreads connections over all of them and cannot leave one out).

const states = new Map<string, ReplicaState>();

function refreshUsable(now: number): void {
  const stale = Math.max(config.db.replicaMaxLagMs, 4 * HEARTBEAT_MS);
  setReplicasUsable(
    states.size > 0 &&
      config.db.replicaUrls.every((url) => {
        const s = states.get(url);
        return s?.state === 'ok' && now - s.checkedAt <= stale;
      }),
  );
}

export interface ReplicaHealth {
  /** host:port of the replica (never its credentials). */
  replica: string;
  state: ReplicaState['state'];
  lagMs?: number;
  reason?: string;
}

/** What /api/health reports: each replica's state and why it is not read. Reads memory only, never the database. */
export function replicaHealth(): ReplicaHealth[] {
  const now = Date.now();
  return config.db.replicaUrls.map((url) => {
    const replica = hostOf(url);
    const s = states.get(url) ?? { state: 'unknown', checkedAt: 0 };
    // A check that has not come back for a while (the replica hangs) is as bad as a failed one.
    const stale = now - s.checkedAt > Math.max(config.db.replicaMaxLagMs, 4 * HEARTBEAT_MS);
    if (s.state === 'unreachable')
      return { replica, state: s.state, reason: `replica ${replica} unreachable: ${s.error}` };
    if (s.state === 'unknown' || stale)
      return { replica, state: 'unknown', reason: `replica ${replica} not checked yet` };
    if (s.state === 'lagging')
      return { replica, state: s.state, lagMs: s.lagMs, reason: `replica ${replica} lagging ${s.lagMs} ms` };
    return { replica, state: s.state, lagMs: s.lagMs };
  });
}

const hostOf = (url: string): string => {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 3306}`;
};

// ---------------------------------------------------------------------------------------------------------------
// The monitor: beats on the primary, looks at each replica, every HEARTBEAT_MS.

const instance = `${os.hostname().slice(0, 40)}:${process.pid}:${randomBytes(4).toString('hex')}`;
/** The beats this instance wrote and saw committed, oldest first (only the last minute's are needed). */
const beats: number[] = [];
const connections = new Map<string, mysql.Connection>();
let timer: NodeJS.Timeout | undefined;
let ticking: Promise<void> | undefined;
let ticks = 0;

/**
 * Starts the heartbeat and the replica checks (server.ts, when DATABASE_REPLICA_URLS is set); resolves after the
 * first look at the replicas, so /api/health is right from the first request.
 */
export function startReplicaMonitor(): Promise<void> {
  if (!replicasConfigured() || timer) return Promise.resolve();
  // Outside any request's scope: the timer's callbacks inherit the context they were created in.
  return readingPrimary(() => {
    timer = setInterval(() => {
      ticking ??= tick().finally(() => (ticking = undefined));
    }, HEARTBEAT_MS);
    timer.unref();
    ticking = tick().finally(() => (ticking = undefined));
    return ticking;
  });
}

export async function stopReplicaMonitor(): Promise<void> {
  if (timer) clearInterval(timer);
  timer = undefined;
  await ticking;
  await Promise.all([...connections.values()].map((c) => c.end().catch(() => undefined)));
  connections.clear();
  states.clear();
  setReplicasUsable(false);
}

async function tick(): Promise<void> {
  const beat = Date.now();
  try {
    await writeAlone(
      'INSERT INTO replica_heartbeats (instance, beat_ms) VALUES (?, ?) ON DUPLICATE KEY UPDATE beat_ms = VALUES(beat_ms)',
      [instance, beat],
    );
    beats.push(beat);
    while (beats.length > 1 && beats[0] < beat - 60_000) beats.shift();
    ticks += 1;
    if (ticks % 1200 === 1) {
      await writeAlone('DELETE FROM replica_heartbeats WHERE beat_ms < ?', [beat - FORGET_INSTANCE_MS]);
    }
  } catch (err) {
    // The primary is down: nothing to compare with; the requests themselves fail and say so.
    logger.warn('db.heartbeat_failed', { error: (err as Error).message });
  }
  await Promise.all(config.db.replicaUrls.map(check));
  refreshUsable(Date.now());
}

async function check(url: string): Promise<void> {
  const previous = states.get(url)?.state;
  try {
    const seen = await seenBeat(url);
    const now = Date.now();
    const missing = beats.find((b) => b > seen);
    const lagMs = missing === undefined ? 0 : Math.max(0, now - missing);
    const state = lagMs > config.db.replicaMaxLagMs ? 'lagging' : 'ok';
    states.set(url, { state, lagMs, checkedAt: now });
    if (state !== previous) logger.info('db.replica_state', { replica: hostOf(url), state, lagMs });
  } catch (err) {
    const error = (err as Error).message || String(err);
    states.set(url, { state: 'unreachable', error, checkedAt: Date.now() });
    if (previous !== 'unreachable')
      logger.warn('db.replica_state', { replica: hostOf(url), state: 'unreachable', error });
    const connection = connections.get(url);
    connections.delete(url);
    connection?.destroy();
  }
}

/** The beat of this instance the replica shows (-1: none yet), on the monitor's own connection to it. */
async function seenBeat(url: string): Promise<number> {
  let connection = connections.get(url);
  if (!connection) {
    connection = await mysql.createConnection({
      uri: url.replace(/^mariadb:/, 'mysql:'),
      connectTimeout: CHECK_TIMEOUT_MS,
    });
    // A replica that dies between two checks must not leave an unhandled 'error' event behind.
    connection.on('error', () => undefined);
    connections.set(url, connection);
  }
  const [rows] = await connection.query<mysql.RowDataPacket[]>({
    sql: 'SELECT beat_ms FROM replica_heartbeats WHERE instance = ?',
    values: [instance],
    timeout: CHECK_TIMEOUT_MS,
  });
  return rows.length ? Number(rows[0].beat_ms) : -1;
}
