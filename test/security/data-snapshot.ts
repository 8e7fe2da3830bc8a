// A fingerprint of everything stored: the row count of every table and a checksum of its rows, so that a test
// can say "this changed nothing" without knowing which tables other modules have added.
import { createHash } from 'node:crypto';
import { QueryTypes, type Sequelize } from 'sequelize';

export interface TableFingerprint {
  rows: number;
  checksum: string;
}
export type Snapshot = Record<string, TableFingerprint>;

/**
 * Bookkeeping, not data: umzug's tables; the public rate limits' counters (a limited GET counts itself in its own row,
 * shared by every instance: server/lib/rate-limit-store.ts); the replica monitor's heartbeat (a background timer,
 * server/db/replicas.ts). Every other table is data.
 */
export const META_TABLES = new Set([
  'schema_migrations',
  'seeder_meta',
  'SequelizeMeta',
  'rate_limit_hits',
  'replica_heartbeats',
]);

export async function listTables(sequelize: Sequelize): Promise<string[]> {
  const sql =
    sequelize.getDialect() === 'sqlite'
      ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
      : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'";
  const rows = await sequelize.query<{ name: string }>(sql, { type: QueryTypes.SELECT });
  return rows
    .map((r) => r.name)
    .filter((n) => !META_TABLES.has(n))
    .sort();
}

const quote = (sequelize: Sequelize, table: string) => sequelize.getQueryInterface().quoteIdentifier(table);

/** Rows are hashed in a stable order (sorted as JSON), so the checksum does not depend on the engine's row order. */
export async function snapshot(sequelize: Sequelize): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const table of await listTables(sequelize)) {
    const rows = await sequelize.query<Record<string, unknown>>(`SELECT * FROM ${quote(sequelize, table)}`, {
      type: QueryTypes.SELECT,
    });
    const lines = rows.map((r) => JSON.stringify(r)).sort();
    out[table] = { rows: rows.length, checksum: createHash('sha256').update(lines.join('\n')).digest('hex') };
  }
  return out;
}

export async function rowCounts(sequelize: Sequelize): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of await listTables(sequelize)) {
    const [row] = await sequelize.query<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM ${quote(sequelize, table)}`,
      { type: QueryTypes.SELECT },
    );
    out[table] = Number(row.n);
  }
  return out;
}
