// Steps the migrations share (migrations/). Each checks whether it already ran, because MySQL commits every DDL
// statement on its own: a migration that failed half-way is run again from the start.
import { QueryTypes, type ModelAttributeColumnOptions, type QueryInterface } from 'sequelize';

export type Columns = Array<[string, ModelAttributeColumnOptions]>;
/** [table, index name, fields, unique] */
export type Indexes = Array<[string, string, string[], boolean]>;

export async function addColumns(q: QueryInterface, table: string, columns: Columns): Promise<void> {
  const existing = await q.describeTable(table);
  for (const [name, spec] of columns) if (!existing[name]) await q.addColumn(table, name, spec);
}

/** SQLite's own DROP COLUMN (3.35+) keeps the table's indexes; Sequelize's removeColumn would copy the table. */
export async function removeColumns(
  q: QueryInterface,
  table: string,
  columns: Array<[string, unknown]>,
): Promise<void> {
  const existing = await q.describeTable(table);
  for (const [name] of [...columns].reverse()) {
    if (!existing[name]) continue;
    if (q.sequelize.getDialect() === 'sqlite') await q.sequelize.query(`ALTER TABLE "${table}" DROP COLUMN "${name}"`);
    else await q.removeColumn(table, name);
  }
}

export async function tableNames(q: QueryInterface): Promise<string[]> {
  return (await q.showAllTables()).map((t) => (typeof t === 'string' ? t : (t as { tableName: string }).tableName));
}

async function indexNames(q: QueryInterface, table: string): Promise<string[]> {
  return ((await q.showIndex(table)) as { name: string }[]).map((i) => i.name);
}

export async function addIndexes(q: QueryInterface, indexes: Indexes): Promise<void> {
  for (const [table, name, fields, unique] of indexes)
    if (!(await indexNames(q, table)).includes(name)) await q.addIndex(table, fields, { name, unique });
}

export async function removeIndexes(q: QueryInterface, indexes: Indexes): Promise<void> {
  for (const [table, name] of indexes)
    if ((await indexNames(q, table)).includes(name)) await q.removeIndex(table, name);
}

/**
 * SQLite cannot drop a NOT NULL in place: the table is rebuilt from its own CREATE statement without those NOT NULLs
 * (https://sqlite.org/lang_altertable.html#otheralter), its rows copied, its indexes recreated, foreign keys checked.
 */
export async function dropNotNullSqlite(q: QueryInterface, table: string, columns: string[]): Promise<void> {
  const db = q.sequelize;
  const [master] = await db.query<{ sql: string }>(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`, {
    replacements: [table],
    type: QueryTypes.SELECT,
  });
  let create = master.sql;
  for (const column of columns)
    create = create.replace(new RegExp(`([\`"]${column}[\`"](?:\\([^)]*\\)|[^,(])*?) NOT NULL`), '$1');
  if (create === master.sql) return; // already rebuilt
  const indexes = await db.query<{ sql: string }>(
    `SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`,
    { replacements: [table], type: QueryTypes.SELECT },
  );
  const rebuilt = `${table}_rebuilt`;
  await db.query('PRAGMA foreign_keys = OFF');
  try {
    await db.query(`DROP TABLE IF EXISTS "${rebuilt}"`);
    await db.query(create.replace(/^CREATE TABLE [`"]?\w+[`"]?/, `CREATE TABLE "${rebuilt}"`));
    await db.query(`INSERT INTO "${rebuilt}" SELECT * FROM "${table}"`);
    await db.query(`DROP TABLE "${table}"`);
    await db.query(`ALTER TABLE "${rebuilt}" RENAME TO "${table}"`);
    for (const index of indexes) await db.query(index.sql);
    const broken = await db.query(`PRAGMA foreign_key_check("${table}")`, { type: QueryTypes.SELECT });
    if (broken.length) throw new Error(`rebuilding ${table} broke ${broken.length} foreign keys`);
  } finally {
    await db.query('PRAGMA foreign_keys = ON');
  }
}
