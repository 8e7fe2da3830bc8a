// Issue 17 point 5, the donor's page (spec §12): every donor gets a secret link `/donors/<page_token>` listing their
// donations, receipts and yearly statements.
// - `donors.page_token`: 256 random bits, base64url (43 characters), unique; existing donors get one here.
// - `donor_retired_page_tokens`: the tokens a rotation replaced, so that an old link can say "this link was
//   replaced" (410) instead of a plain not-found.
// - `donor_statements`: the yearly statements issued (`ST-2026-0001`, numbered by the POST that issues them, never
//   by a GET), one per donor and year.
// MySQL commits each DDL statement on its own, so every step checks whether it already ran: a migration stopped
// half-way can simply run again. Rows of both tables go with their donor (the API never deletes donors; the demo
// data's remover does).
import { randomBytes } from 'node:crypto';
import { DataTypes, QueryTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';

// Written out here rather than imported, so that this migration keeps doing what it did when the code changes.
const newToken = (): string => randomBytes(32).toString('base64url');
const BATCH = 500;
const RETIRED = 'donor_retired_page_tokens';
const STATEMENTS = 'donor_statements';

async function tableNames(q: QueryInterface): Promise<string[]> {
  return (await q.showAllTables()).map((t) => (typeof t === 'string' ? t : (t as { tableName: string }).tableName));
}

async function addIndexOnce(q: QueryInterface, table: string, fields: string[], name: string, unique: boolean) {
  const indexes = (await q.showIndex(table)) as { name: string }[];
  if (!indexes.some((i) => i.name === name)) await q.addIndex(table, fields, { name, unique });
}

async function fillTokens(q: QueryInterface): Promise<void> {
  for (;;) {
    const rows = await q.sequelize.query<{ id: number }>(
      'SELECT id FROM donors WHERE page_token IS NULL ORDER BY id LIMIT :limit',
      { replacements: { limit: BATCH }, type: QueryTypes.SELECT },
    );
    for (const { id } of rows) {
      await q.sequelize.query('UPDATE donors SET page_token = :token WHERE id = :id AND page_token IS NULL', {
        replacements: { token: newToken(), id },
      });
    }
    if (rows.length < BATCH) return;
  }
}

const donorRef = {
  type: DataTypes.INTEGER,
  allowNull: false,
  references: { model: 'donors', key: 'id' },
  onDelete: 'CASCADE',
};
const userRef = { type: DataTypes.INTEGER, allowNull: true, references: { model: 'users', key: 'id' } };

export const up: Migration = async ({ context: q }) => {
  const columns = await q.describeTable('donors');
  if (!columns.page_token) await q.addColumn('donors', 'page_token', { type: DataTypes.STRING(64), allowNull: true });
  await fillTokens(q);
  // Nullable in the table, like receipt tokens (rows written by tools that predate it); the model gives every new
  // donor one. NULLs never collide in a UNIQUE index.
  await addIndexOnce(q, 'donors', ['page_token'], 'donors_page_token', true);

  const tables = await tableNames(q);
  if (!tables.includes(RETIRED)) {
    await q.createTable(RETIRED, {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      donor_id: donorRef,
      token: { type: DataTypes.STRING(64), allowNull: false },
      retired_at: { type: DataTypes.DATE(3), allowNull: false },
      retired_by: userRef,
    });
  }
  await addIndexOnce(q, RETIRED, ['token'], 'donor_retired_page_tokens_token', true);
  await addIndexOnce(q, RETIRED, ['donor_id'], 'donor_retired_page_tokens_donor', false);

  if (!tables.includes(STATEMENTS)) {
    await q.createTable(STATEMENTS, {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      donor_id: donorRef,
      year: { type: DataTypes.INTEGER, allowNull: false },
      number: { type: DataTypes.STRING(20), allowNull: false },
      issued_at: { type: DataTypes.DATE(3), allowNull: false },
      issued_by: userRef,
    });
  }
  await addIndexOnce(q, STATEMENTS, ['donor_id', 'year'], 'donor_statements_donor_year', true);
  await addIndexOnce(q, STATEMENTS, ['number'], 'donor_statements_number', true);
};

// Statement numbers once issued may have been printed and handed to a donor; going down drops them all the same
// (down is for a development database, never for production data).
export const down: Migration = async ({ context: q }) => {
  await q.dropTable(STATEMENTS);
  await q.dropTable(RETIRED);
  await q.removeIndex('donors', 'donors_page_token');
  await q.removeColumn('donors', 'page_token');
};
