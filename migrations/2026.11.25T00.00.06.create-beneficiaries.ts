import { DataTypes } from 'sequelize';
import type { Migration } from '../server/db/umzug.js';

// Functions, not shared objects: Sequelize may write into a column definition it is given.
const id = () => ({ type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true });
const str = (n: number, allowNull = true) => ({ type: DataTypes.STRING(n), allowNull });
const at = () => ({ type: DataTypes.DATE(3), allowNull: false });

export const up: Migration = async ({ context: q }) => {
  // Organisations that refer beneficiaries or distribute devices (schools, family-business centres, associations).
  await q.createTable('partners', {
    id: id(),
    name: str(200, false),
    name_latin: str(200),
    kind: str(16, false),
    city: str(100),
    contact_person: str(200),
    phone: str(20),
    email: str(254),
    created_at: at(),
    updated_at: at(),
  });
  await q.addIndex('partners', ['name'], { name: 'partners_name' });

  await q.createTable('beneficiaries', {
    id: id(),
    kind: str(16, false),
    name: str(200, false),
    // AES-256-GCM (lib/pii.ts): version, IV, tag and ciphertext in one string; never the plain ID.
    national_id_encrypted: { type: DataTypes.TEXT, allowNull: false },
    // HMAC-SHA256 of the normalised ID under the PII key: finds duplicates without decrypting anything.
    national_id_hash: { type: DataTypes.CHAR(64), allowNull: false, unique: true },
    national_id_last4: str(4, false),
    phone: str(20, false),
    city: str(100),
    region: str(100),
    household_size: { type: DataTypes.INTEGER, allowNull: false },
    monthly_income: { type: DataTypes.DECIMAL(12, 2), allowNull: false },
    school_children: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    need: str(16, false),
    purpose: str(16, false),
    partner_id: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'partners', key: 'id' } },
    status: str(16, false),
    rejection_reason: { type: DataTypes.TEXT, allowNull: true },
    status_changed_at: at(),
    created_at: at(),
    updated_at: at(),
  });
  // The waitlist reads every verified/waitlisted row; lists filter by status, need and partner, newest first.
  await q.addIndex('beneficiaries', ['status', 'created_at'], { name: 'beneficiaries_status_created' });
  await q.addIndex('beneficiaries', ['need', 'status'], { name: 'beneficiaries_need_status' });
  await q.addIndex('beneficiaries', ['partner_id', 'status'], { name: 'beneficiaries_partner_status' });
  await q.addIndex('beneficiaries', ['name'], { name: 'beneficiaries_name' });

  // Who changed what and when: field NAMES only, never values (personal data stays in one encrypted place).
  await q.createTable('beneficiary_audit', {
    id: id(),
    beneficiary_id: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'beneficiaries', key: 'id' },
      onDelete: 'CASCADE',
    },
    actor_id: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'users', key: 'id' } },
    action: str(16, false),
    fields: { type: DataTypes.TEXT, allowNull: false },
    from_status: str(16),
    to_status: str(16),
    created_at: at(),
  });
  await q.addIndex('beneficiary_audit', ['beneficiary_id', 'created_at'], {
    name: 'beneficiary_audit_beneficiary_time',
  });
};

export const down: Migration = async ({ context: q }) => {
  await q.dropTable('beneficiary_audit');
  await q.dropTable('beneficiaries');
  await q.dropTable('partners');
};
