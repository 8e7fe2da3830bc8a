// Which reads go to the read replicas (DATABASE_REPLICA_URLS; docs/scaling.md "The database tier"). Every read goes
// to the primary unless it runs inside readingReplicas() (the routes that say `reads: 'replica'`, lib/route.ts,
// through lib/replica-reads.ts) AND the replicas are fit, as db/replicas.ts's monitor last found them.
// db/sequelize.ts asks replicaChosen() each time it takes a pooled connection for a SELECT.
import { AsyncLocalStorage } from 'node:async_hooks';
import { config } from '../config.js';
import { logger } from '../lib/logger.js';

export const replicasConfigured = (): boolean => config.db.replicaUrls.length > 0;

/** Whether the replicas may be read: set by the monitor after each look, cleared at once by a failed read. */
let usable = false;

export function setReplicasUsable(value: boolean): void {
  usable = value;
}

const scope = new AsyncLocalStorage<boolean>();

/**
 * Runs `work` with its reads allowed on a replica: for reads that tolerate REPLICA_MAX_LAG_MS of lag and are never
 * followed by a write based on them (reports, exports, lists, the public pages). Reads in a transaction stay on
 * the primary whatever the scope (they use the transaction's connection).
 */
export function readingReplicas<T>(work: () => T): T {
  return scope.run(true, work);
}

/** Runs `work` with every read on the primary, even inside readingReplicas(). */
export function readingPrimary<T>(work: () => T): T {
  return scope.run(false, work);
}

/** Whether a SELECT taken now, outside a transaction, goes to a replica. */
export function replicaChosen(): boolean {
  return usable && scope.getStore() === true;
}

/**
 * Runs one replica-eligible read; when it fails on a replica (the replica died since its last check, a connection
 * was cut), marks the replicas unusable and runs it again on the primary: the user never sees a replica's failure.
 */
export async function withPrimaryFallback<T>(run: () => Promise<T>): Promise<T> {
  if (!replicaChosen()) return run();
  try {
    return await run();
  } catch (err) {
    replicaFailed(err);
    return readingPrimary(run);
  }
}

/** A replica connection could not be taken or broke: no replica is read until the next check finds them fit. */
export function replicaFailed(err: unknown): void {
  if (usable) logger.warn('db.replica_failed', { error: (err as Error)?.message ?? String(err) });
  usable = false;
}
