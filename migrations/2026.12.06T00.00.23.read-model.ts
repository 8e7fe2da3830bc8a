// Issue 16 points 1-2: the read model of the figures (server/modules/figures/, docs/architecture.md "Figures").
// Counter tables keyed by stable ids and facts fixed when they happened, updated by the same transaction that
// changes the data; a device's region is its site's, joined from `sites` at read time. No key column is NULL
// (a unique key with NULLs would not collide): 0 stands for "no site / programme / partner", '' for "no region".
// The next migration (…24.build-read-model) fills them from the data already there.
// MySQL commits each DDL statement on its own: every step checks whether it already ran.
import { DataTypes, type ModelAttributes, type QueryInterface } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';

const int = (defaultValue = 0) => ({ type: DataTypes.INTEGER, allowNull: false, defaultValue });
const str = (n: number) => ({ type: DataTypes.STRING(n), allowNull: false, defaultValue: '' });

const TABLES: Array<{
  name: string;
  columns: ModelAttributes;
  indexes: Array<{ name: string; fields: string[]; unique?: boolean }>;
}> = [
  {
    // Devices now, by status × site × type × month of intake: status counts, list totals, monthly intake, placed
    // devices (kg diverted, CO2e) all sum these rows.
    name: 'figure_devices',
    columns: {
      status: { type: DataTypes.STRING(16), allowNull: false },
      site_id: int(),
      type: { type: DataTypes.STRING(16), allowNull: false },
      intake_month: { type: DataTypes.CHAR(7), allowNull: false },
      n: int(),
    },
    indexes: [{ name: 'figure_devices_key', fields: ['status', 'site_id', 'type', 'intake_month'], unique: true }],
  },
  {
    // Per site (the device's current site): drives with a counted, passed sanitization record, and the weight the
    // recyclers recorded.
    name: 'figure_sites',
    columns: {
      site_id: int(),
      drives_sanitized: int(),
      recycled_kg: { type: DataTypes.DOUBLE, allowNull: false, defaultValue: 0 },
    },
    indexes: [{ name: 'figure_sites_key', fields: ['site_id'], unique: true }],
  },
  {
    // One row per handover (allocation handed over), with the facts fixed at that moment: who (kind, partner,
    // region) and where (site). `first_in_programme` marks the beneficiary's first handover in the programme: the
    // one that counts them as served.
    name: 'figure_handover_facts',
    columns: {
      allocation_id: { type: DataTypes.INTEGER, allowNull: false, primaryKey: true },
      device_id: { type: DataTypes.INTEGER, allowNull: false },
      beneficiary_id: { type: DataTypes.INTEGER, allowNull: false },
      programme_id: int(),
      beneficiary_kind: { type: DataTypes.STRING(16), allowNull: false },
      partner_id: int(),
      region_code: str(8),
      site_id: int(),
      month: { type: DataTypes.CHAR(7), allowNull: false },
      handed_over_at: { type: DataTypes.DATE(3), allowNull: false },
      first_in_programme: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    },
    indexes: [{ name: 'figure_handover_facts_programme_beneficiary', fields: ['programme_id', 'beneficiary_id'] }],
  },
  {
    // Handovers and beneficiaries served, by the facts above.
    name: 'figure_handovers',
    columns: {
      month: { type: DataTypes.CHAR(7), allowNull: false },
      programme_id: int(),
      beneficiary_kind: { type: DataTypes.STRING(16), allowNull: false },
      partner_id: int(),
      region_code: str(8),
      site_id: int(),
      handovers: int(),
      served: int(),
    },
    indexes: [
      {
        name: 'figure_handovers_key',
        fields: ['month', 'programme_id', 'beneficiary_kind', 'partner_id', 'region_code', 'site_id'],
        unique: true,
      },
    ],
  },
  {
    // One row per finished stage: the status a device left, when it entered and left it, and the seconds between.
    // `end_seq` is the seq of the status event that ended it (one span per status event after a device's first).
    name: 'figure_stage_spans',
    columns: {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      device_id: { type: DataTypes.INTEGER, allowNull: false },
      end_seq: { type: DataTypes.INTEGER, allowNull: false },
      stage: { type: DataTypes.STRING(16), allowNull: false },
      site_id: int(),
      entered_at: { type: DataTypes.DATE(3), allowNull: false },
      left_at: { type: DataTypes.DATE(3), allowNull: false },
      seconds: { type: DataTypes.DOUBLE, allowNull: false },
    },
    indexes: [
      { name: 'figure_stage_spans_device_seq', fields: ['device_id', 'end_seq'], unique: true },
      // The dashboard's medians: one stage's spans that ended in a period, in order of length.
      { name: 'figure_stage_spans_stage_left', fields: ['stage', 'left_at', 'seconds'] },
    ],
  },
];

async function tableNames(q: QueryInterface): Promise<string[]> {
  return (await q.showAllTables()).map((t) => (typeof t === 'string' ? t : (t as { tableName: string }).tableName));
}

export const up: Migration = async ({ context: q }) => {
  for (const table of TABLES) {
    if (!(await tableNames(q)).includes(table.name)) await q.createTable(table.name, table.columns);
    const existing = (await q.showIndex(table.name)) as { name: string }[];
    for (const index of table.indexes) {
      if (!existing.some((i) => i.name === index.name)) await q.addIndex(table.name, index.fields, index);
    }
  }
};

export const down: Migration = async ({ context: q }) => {
  for (const table of [...TABLES].reverse()) await q.dropTable(table.name);
};
