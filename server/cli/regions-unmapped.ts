// `npm run regions:unmapped`: the rows whose free text names no region of the reference list (spec §11), i.e. what
// migration 2026.12.06T00.00.22 could not map, and any row written since with a city but no region. Read-only.
// Each is fixed by choosing its region in the site, partner or beneficiary form (PATCH …/:id { regionCode }).
import { QueryTypes } from 'sequelize';
import { getSequelize } from '../db/sequelize.js';

export interface UnmappedRow {
  table: 'sites' | 'partners' | 'beneficiaries';
  id: number;
  /** The free text as stored: the city, or for a beneficiary "region / city" (either may be empty). */
  text: string;
}

const TABLES: readonly { table: UnmappedRow['table']; columns: readonly string[] }[] = [
  { table: 'sites', columns: ['city'] },
  { table: 'partners', columns: ['city'] },
  { table: 'beneficiaries', columns: ['region', 'city'] },
];

/** Rows with free text (a region or a city) and no region_code, by table then id. */
export async function unmappedRows(): Promise<UnmappedRow[]> {
  const found: UnmappedRow[] = [];
  for (const { table, columns } of TABLES) {
    const anyText = columns.map((c) => `(${c} IS NOT NULL AND ${c} <> '')`).join(' OR ');
    const rows = await getSequelize().query<Record<string, string | number | null>>(
      `SELECT id, ${columns.join(', ')} FROM ${table} WHERE region_code IS NULL AND (${anyText}) ORDER BY id`,
      { type: QueryTypes.SELECT },
    );
    for (const r of rows)
      found.push({ table, id: Number(r.id), text: columns.map((c) => (r[c] ?? '') as string).join(' / ') });
  }
  return found;
}
