// `npm run pii:rotate`: re-encrypts every encrypted column under the current PII key, without downtime. Rows are
// read in primary-key batches; each batch is rewritten in its own short transaction, and each row only if it still
// holds the ciphertext that was read (compare-and-set), so a server writing the same row meanwhile wins cleanly
// and its value is kept. Rows already under the current key are skipped: the command is safe to stop and rerun.
// Servers keep reading every row throughout, because they hold the old keys in PII_KEYS_OLD until it is done.
import { QueryTypes } from 'sequelize';
import { decryptPii, encryptPii, needsRotation } from '../lib/pii.js';
import { nationalIdAad } from '../modules/beneficiaries/index.js';
import { iccidAad } from '../modules/connectivity/index.js';
import { webhookSecretAad } from '../modules/webhooks/index.js';
import { getSequelize, withTransaction } from '../db/sequelize.js';

export interface EncryptedColumn {
  table: string;
  column: string;
  /** The unique integer column the AAD is bound to and batches are read by: `id` unless named. */
  key?: string;
  aad: (rowKey: number) => string;
}

/** Every column holding lib/pii.ts ciphertext, with the associated data it is bound to. */
export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  { table: 'beneficiaries', column: 'national_id_encrypted', aad: nationalIdAad },
  { table: 'webhook_endpoints', column: 'secret_encrypted', aad: webhookSecretAad },
  // Bound to the allocation (the assignment is written with its ciphertext in one insert).
  { table: 'bundle_assignments', column: 'iccid_encrypted', key: 'allocation_id', aad: iccidAad },
];

export interface RotationCounts {
  table: string;
  column: string;
  /** Rows read. */ scanned: number;
  /** Rewritten under the current key. */ rotated: number;
  /** Under the current key already. */ current: number;
  /** Changed by someone else between read and write (already current then). */ changedMeanwhile: number;
  /** Not decryptable with any configured key: left as they are, the command exits 1. */ failed: number;
}

interface Row {
  id: number;
  value: string;
}

async function rewrite(col: EncryptedColumn, rows: Row[], counts: RotationCounts): Promise<void> {
  const sequelize = getSequelize();
  const q = (name: string) => sequelize.getQueryInterface().quoteIdentifier(name);
  await withTransaction(async (transaction) => {
    for (const row of rows) {
      let next: string;
      try {
        next = encryptPii(decryptPii(row.value, col.aad(row.id)), col.aad(row.id));
      } catch {
        counts.failed += 1; // the reason may quote nothing personal, but the value itself is never printed
        continue;
      }
      const [, changed] = await sequelize.query(
        `UPDATE ${q(col.table)} SET ${q(col.column)} = :next WHERE ${q(col.key ?? 'id')} = :id AND ${q(col.column)} = :old`,
        { replacements: { next, id: row.id, old: row.value }, type: QueryTypes.UPDATE, transaction },
      );
      if (Number(changed) > 0) counts.rotated += 1;
      else counts.changedMeanwhile += 1;
    }
  });
}

export async function rotateColumn(col: EncryptedColumn, batchSize: number): Promise<RotationCounts> {
  const counts: RotationCounts = {
    table: col.table,
    column: col.column,
    scanned: 0,
    rotated: 0,
    current: 0,
    changedMeanwhile: 0,
    failed: 0,
  };
  const sequelize = getSequelize();
  const q = (name: string) => sequelize.getQueryInterface().quoteIdentifier(name);
  const key = col.key ?? 'id';
  let last = 0;
  for (;;) {
    const rows = await sequelize.query<Row>(
      `SELECT ${q(key)} AS id, ${q(col.column)} AS value FROM ${q(col.table)} WHERE ${q(key)} > :last AND ${q(col.column)} IS NOT NULL ORDER BY ${q(key)} LIMIT :limit`,
      { replacements: { last, limit: batchSize }, type: QueryTypes.SELECT },
    );
    if (!rows.length) return counts;
    counts.scanned += rows.length;
    const stale = rows.filter((r) => needsRotation(r.value));
    counts.current += rows.length - stale.length;
    if (stale.length) await rewrite(col, stale, counts);
    last = rows[rows.length - 1].id;
  }
}

export async function rotatePii(batchSize = 500): Promise<RotationCounts[]> {
  const out: RotationCounts[] = [];
  for (const col of ENCRYPTED_COLUMNS) out.push(await rotateColumn(col, batchSize));
  return out;
}
