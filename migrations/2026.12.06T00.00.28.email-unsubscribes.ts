// Issue 17 point 2: donors who asked for no more email (server/modules/email/). One row per donor, written by the
// one-click unsubscribe (RFC 8058, POST /unsubscribe/:token); the email channel and the outbox read it before a
// message is queued and again before it is sent. A separate table, not a column of donors: the donors module is not
// touched, and the row says when the donor asked. It goes with its donor (ON DELETE CASCADE).
// MySQL commits each DDL statement on its own: every step checks whether it already ran.
import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';

const TABLE = 'email_unsubscribes';
const UNIQUE = 'email_unsubscribes_donor';

export const up: Migration = async ({ context: q }) => {
  const tables = (await q.showAllTables()).map((t) =>
    typeof t === 'string' ? t : (t as { tableName: string }).tableName,
  );
  if (!tables.includes(TABLE)) {
    await q.createTable(TABLE, {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      donor_id: {
        type: DataTypes.INTEGER,
        allowNull: false,
        references: { model: 'donors', key: 'id' },
        onDelete: 'CASCADE',
      },
      unsubscribed_at: { type: DataTypes.DATE(3), allowNull: false },
    });
  }
  const indexes = (await q.showIndex(TABLE)) as { name: string }[];
  if (!indexes.some((i) => i.name === UNIQUE)) await q.addIndex(TABLE, ['donor_id'], { name: UNIQUE, unique: true });
};

export const down: Migration = async ({ context: q }) => {
  await q.dropTable(TABLE);
};
