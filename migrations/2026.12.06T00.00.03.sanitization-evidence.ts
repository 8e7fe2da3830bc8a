// Spec §10: a sanitization record says how it is evidenced (`evidence`: tool_log | photo | none) and whether it
// counts (`state`: counted | awaiting_confirmation | rejected), with who confirmed or rejected it and when.
// Existing records: those with an evidence file (a stored sha256: an nwipe log or a Workbench snapshot, the only
// files records could carry before) become tool_log / counted; the others were typed in by one person and now
// wait for a second one's confirmation. Their verifier, if they named one, is kept: only that person may confirm.
// A legacy record that named none may be confirmed by any active staff member other than its operator (the
// confirmer becomes its verifier); see docs/security.md.
// MySQL commits each DDL statement on its own, so every step checks whether it already ran: a migration stopped
// half-way can simply run again. The defaults fail closed: a row written by a tool that does not know these columns
// waits for a confirmation rather than counting.
import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';

const TABLE = 'sanitizations';

const COLUMNS = {
  evidence: { type: DataTypes.STRING(12), allowNull: false, defaultValue: 'none' },
  state: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'awaiting_confirmation' },
  confirmed_by: { type: DataTypes.INTEGER, allowNull: true },
  confirmed_at: { type: DataTypes.DATE(3), allowNull: true },
  rejected_by: { type: DataTypes.INTEGER, allowNull: true },
  rejected_at: { type: DataTypes.DATE(3), allowNull: true },
  rejection_reason: { type: DataTypes.STRING(500), allowNull: true },
};

const INDEXES: Array<[string, string[]]> = [
  // The "awaiting my confirmation" queue, and the guards' "every drive has a counted passed record".
  ['sanitizations_verifier_state', ['verifier_id', 'state']],
  ['sanitizations_drive_state_result', ['drive_id', 'state', 'result']],
];

/**
 * Legacy rows (never confirmed or rejected, still at the column defaults) with a stored evidence file become
 * tool_log / counted. Running it again changes nothing: a mapped row no longer has the defaults.
 */
export async function mapLegacyRecords(q: QueryInterface): Promise<void> {
  await q.sequelize.query(`UPDATE ${TABLE} SET evidence = 'tool_log', state = 'counted'
    WHERE evidence_sha256 IS NOT NULL AND evidence = 'none' AND state = 'awaiting_confirmation'
      AND confirmed_at IS NULL AND rejected_at IS NULL`);
}

export const up: Migration = async ({ context: q }) => {
  const columns = await q.describeTable(TABLE);
  for (const [name, spec] of Object.entries(COLUMNS)) {
    if (!columns[name]) await q.addColumn(TABLE, name, spec);
  }
  await mapLegacyRecords(q);
  const indexes = (await q.showIndex(TABLE)) as { name: string }[];
  for (const [name, fields] of INDEXES) {
    if (!indexes.some((i) => i.name === name)) await q.addIndex(TABLE, fields, { name });
  }
};

export const down: Migration = async ({ context: q }) => {
  for (const [name] of INDEXES) await q.removeIndex(TABLE, name);
  for (const name of Object.keys(COLUMNS).reverse()) await q.removeColumn(TABLE, name);
};
