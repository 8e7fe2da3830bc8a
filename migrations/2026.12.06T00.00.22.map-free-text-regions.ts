// Regions as a reference list (spec §11), second step: fill `region_code` (added by 2026.12.06T00.00.20) from the
// free text already stored. A beneficiary's `region` is matched against the region names (Arabic, English, French,
// usual spellings; case, diacritics, Arabic letter variants, "منطقة"/"region"/"province" ignored), else its `city`
// against the main cities of each region; sites and partners have only a city. Only rows whose region_code is null
// are touched, so running it again changes nothing (and never overrides a region someone chose).
// What it could not map stays null: each distinct value is logged at warn level with its table and row count, and
// `npm run regions:unmapped` lists the rows afterwards (table, id, free text), to be fixed by hand.
import { QueryTypes, type QueryInterface, type Transaction } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';
import { logger } from '../server/lib/logger.js';
import { regionFromCityText, regionFromRegionText } from '../server/modules/regions/index.js';

const TABLES: readonly { table: string; columns: readonly ('region' | 'city')[] }[] = [
  { table: 'sites', columns: ['city'] },
  { table: 'partners', columns: ['city'] },
  { table: 'beneficiaries', columns: ['region', 'city'] },
];
const CHUNK = 500;

type Row = { id: number | string; region?: string | null; city?: string | null };

const codeOf = (row: Row): string | null => regionFromRegionText(row.region) ?? regionFromCityText(row.city);
const blank = (s: string | null | undefined) => !s || !s.trim();

async function mapTable(
  q: QueryInterface,
  table: string,
  columns: readonly string[],
  transaction: Transaction,
): Promise<{ mapped: number; unmapped: Map<string, { values: Record<string, string | null>; rows: number }> }> {
  const byCode = new Map<string, number[]>();
  const unmapped = new Map<string, { values: Record<string, string | null>; rows: number }>();
  let after = 0;
  for (;;) {
    // Keyset pages: a large registry is read a chunk at a time.
    const rows = await q.sequelize.query<Row>(
      `SELECT id, ${columns.join(', ')} FROM ${table} WHERE region_code IS NULL AND id > :after ORDER BY id LIMIT ${CHUNK}`,
      { type: QueryTypes.SELECT, replacements: { after }, transaction },
    );
    if (!rows.length) break;
    after = Number(rows[rows.length - 1].id);
    for (const row of rows) {
      if (columns.every((c) => blank(row[c as keyof Row] as string | null))) continue;
      const code = codeOf(row);
      if (code) {
        byCode.set(code, [...(byCode.get(code) ?? []), Number(row.id)]);
        continue;
      }
      const values = Object.fromEntries(columns.map((c) => [c, (row[c as keyof Row] as string | null) ?? null]));
      const key = JSON.stringify(values);
      unmapped.set(key, { values, rows: (unmapped.get(key)?.rows ?? 0) + 1 });
    }
  }
  let mapped = 0;
  for (const [code, ids] of byCode) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      await q.sequelize.query(`UPDATE ${table} SET region_code = :code WHERE region_code IS NULL AND id IN (:ids)`, {
        replacements: { code, ids: chunk },
        transaction,
      });
      mapped += chunk.length;
    }
  }
  return { mapped, unmapped };
}

export const up: Migration = async ({ context: q }) => {
  await q.sequelize.transaction(async (transaction) => {
    for (const { table, columns } of TABLES) {
      const { mapped, unmapped } = await mapTable(q, table, columns, transaction);
      for (const { values, rows } of unmapped.values()) logger.warn('regions.unmapped', { table, ...values, rows });
      const rows = [...unmapped.values()].reduce((n, u) => n + u.rows, 0);
      logger.info('regions.mapped', { table, mapped, unmapped: rows, distinctUnmapped: unmapped.size });
    }
  });
};

// The codes it filled cannot be told from codes chosen later; reverting 2026.12.06T00.00.20 drops the column.
export const down: Migration = async () => undefined;
