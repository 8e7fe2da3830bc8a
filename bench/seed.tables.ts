// Buffered multi-row INSERTs for the seeder: rows collect per table and go out as `INSERT … VALUES (…),(…)` in
// batches, inside one transaction per chunk. No ORM per row.
import type { Connection } from 'mysql2/promise';

export type Cell = string | number | boolean | Date | null;

const BATCH_ROWS = 4000;

export class Table {
  rows: Cell[][] = [];
  count = 0;
  constructor(
    readonly name: string,
    readonly columns: readonly string[],
  ) {}

  add(row: Cell[]): void {
    if (row.length !== this.columns.length)
      throw new Error(`${this.name}: ${row.length} values for ${this.columns.length} columns`);
    this.rows.push(row);
    this.count += 1;
  }

  take(): Cell[][] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }
}

/** Sends every buffered row of `tables` in one transaction; resolves when committed. */
export async function writeChunk(conn: Connection, chunk: { table: Table; rows: Cell[][] }[]): Promise<void> {
  await conn.query('START TRANSACTION');
  for (const { table, rows } of chunk) {
    const sql = `INSERT INTO \`${table.name}\` (${table.columns.map((c) => `\`${c}\``).join(', ')}) VALUES ?`;
    for (let i = 0; i < rows.length; i += BATCH_ROWS) await conn.query(sql, [rows.slice(i, i + BATCH_ROWS)]);
  }
  await conn.query('COMMIT');
}

/** Takes what every table has buffered so far. */
export const drain = (tables: Table[]): { table: Table; rows: Cell[][] }[] =>
  tables.map((table) => ({ table, rows: table.take() })).filter((c) => c.rows.length > 0);

/**
 * One chunk in flight while the next is generated: the database inserts while Node hashes. The promise of
 * the previous chunk is awaited before the next is sent, so at most one transaction is open.
 */
export class Pipeline {
  private inflight: Promise<void> = Promise.resolve();
  constructor(private readonly conn: Connection) {}

  async send(chunk: { table: Table; rows: Cell[][] }[]): Promise<void> {
    await this.inflight;
    this.inflight = writeChunk(this.conn, chunk);
    this.inflight.catch(() => undefined);
  }

  async finish(): Promise<void> {
    await this.inflight;
  }
}
