import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';

// Regions become a reference list (spec §11: ISO 3166-2 codes such as SA-01 or MA-06, server/shared/regions.ts):
// sites, partners and beneficiaries carry `region_code` beside their city. This migration adds the columns only;
// the next one maps the free text already stored. Figures by region group on these columns, hence the indexes.
const TABLES = ['sites', 'partners', 'beneficiaries'] as const;

export const up: Migration = async ({ context: q }) => {
  for (const table of TABLES) {
    const columns = await q.describeTable(table);
    // MySQL commits each DDL statement on its own: a rerun after a failure half-way finds some columns there.
    if (!columns.region_code) await q.addColumn(table, 'region_code', { type: DataTypes.STRING(8), allowNull: true });
    const indexes = (await q.showIndex(table)) as { name: string }[];
    if (!indexes.some((i) => i.name === `${table}_region_code`)) {
      await q.addIndex(table, ['region_code'], { name: `${table}_region_code` });
    }
  }
};

export const down: Migration = async ({ context: q }) => {
  for (const table of TABLES) {
    await q.removeIndex(table, `${table}_region_code`);
    await q.removeColumn(table, 'region_code');
  }
};
