// Sponsors of SIM data bundles, their stock (lots) and the bundle given with each handover (spec §14).
// Tables: sponsors, bundle_lots, bundle_assignments (migration 2026.12.07T00.00.34.connectivity).
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export class Sponsor extends Model<InferAttributes<Sponsor>, InferCreationAttributes<Sponsor>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare nameLatin: string | null;
  declare contactPerson: string | null;
  declare phone: string | null;
  declare createdBy: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** A delivery of `received` bundles of one kind. `remaining` only ever changes by the conditional decrement. */
export class BundleLot extends Model<InferAttributes<BundleLot>, InferCreationAttributes<BundleLot>> {
  declare id: CreationOptional<number>;
  declare sponsorId: number;
  declare operator: string;
  /** Whole megabytes (1 GB = 1000 MB): sums stay exact integers. */
  declare dataMb: number;
  declare validityDays: number;
  declare received: number;
  declare remaining: number;
  declare createdBy: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** The bundle handed over with a device: one per allocation, written by the handover's own transaction. */
export class BundleAssignment extends Model<
  InferAttributes<BundleAssignment>,
  InferCreationAttributes<BundleAssignment>
> {
  declare id: CreationOptional<number>;
  declare allocationId: number;
  declare lotId: number;
  declare sponsorId: number;
  declare deviceId: number;
  /** lib/pii.ts ciphertext bound to `iccidAad(allocationId)`; never returned, printed or logged. */
  declare iccidEncrypted: string;
  declare iccidLast4: string;
  declare dataMb: number;
  declare validityDays: number;
  /** The beneficiary's region at handover (the site's when they had none); '' when neither had one. */
  declare regionCode: string;
  /** YYYY-MM of the handover (UTC, as the handover figures). */
  declare month: string;
  declare createdBy: number | null;
  declare createdAt: CreationOptional<Date>;
}

const created = { type: DataTypes.INTEGER, allowNull: true };

export function initConnectivityModels(sequelize: Sequelize): void {
  Sponsor.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      name: { type: DataTypes.STRING(200), allowNull: false },
      nameLatin: { type: DataTypes.STRING(200), allowNull: true },
      contactPerson: { type: DataTypes.STRING(200), allowNull: true },
      phone: { type: DataTypes.STRING(40), allowNull: true },
      createdBy: created,
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'sponsors' },
  );
  BundleLot.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      sponsorId: { type: DataTypes.INTEGER, allowNull: false },
      operator: { type: DataTypes.STRING(100), allowNull: false },
      dataMb: { type: DataTypes.INTEGER, allowNull: false },
      validityDays: { type: DataTypes.INTEGER, allowNull: false },
      received: { type: DataTypes.INTEGER, allowNull: false },
      remaining: { type: DataTypes.INTEGER, allowNull: false },
      createdBy: created,
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'bundle_lots' },
  );
  BundleAssignment.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      allocationId: { type: DataTypes.INTEGER, allowNull: false, unique: true },
      lotId: { type: DataTypes.INTEGER, allowNull: false },
      sponsorId: { type: DataTypes.INTEGER, allowNull: false },
      deviceId: { type: DataTypes.INTEGER, allowNull: false },
      iccidEncrypted: { type: DataTypes.TEXT, allowNull: false },
      iccidLast4: { type: DataTypes.CHAR(4), allowNull: false },
      dataMb: { type: DataTypes.INTEGER, allowNull: false },
      validityDays: { type: DataTypes.INTEGER, allowNull: false },
      regionCode: { type: DataTypes.STRING(8), allowNull: false, defaultValue: '' },
      month: { type: DataTypes.CHAR(7), allowNull: false },
      createdBy: created,
      createdAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'bundle_assignments', updatedAt: false },
  );
}
