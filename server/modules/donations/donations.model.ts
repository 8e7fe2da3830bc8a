import { randomBytes } from 'node:crypto';
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { associateDevicesWithDonations } from '../devices/index.js';
import { associateDonorRows } from '../donors/index.js';
import { DONATION_CHANNELS, DONATION_STATUSES, type DonationChannel, type DonationStatus } from '../../shared/index.js';

export { DONATION_CHANNELS, DONATION_STATUSES };

/** The secret of a donor's receipt link: 256 random bits, base64url (43 characters). */
export const newReceiptToken = (): string => randomBytes(32).toString('base64url');

export class Donation extends Model<InferAttributes<Donation>, InferCreationAttributes<Donation>> {
  declare id: CreationOptional<number>;
  declare code: string;
  declare donorId: number;
  declare channel: DonationChannel;
  declare status: DonationStatus;
  declare expectedCount: number | null;
  declare receivedCount: CreationOptional<number>;
  declare siteId: number | null;
  declare notes: string | null;
  declare pledgeItems: CreationOptional<string | null>;
  declare preferredPickupDate: CreationOptional<string | null>;
  declare scheduledPickupDate: CreationOptional<string | null>;
  declare receivedAt: CreationOptional<Date | null>;
  declare manifestFile: CreationOptional<string | null>;
  declare createdBy: number | null;
  declare receiptToken: CreationOptional<string | null>;
  /** `RC-2026-0001`, given when the first receipt is issued and never changed. */
  declare receiptNumber: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initDonationModels(sequelize: Sequelize): void {
  Donation.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      code: { type: DataTypes.STRING(20), allowNull: false, unique: true },
      donorId: { type: DataTypes.INTEGER, allowNull: false },
      channel: { type: DataTypes.STRING(16), allowNull: false, validate: { isIn: [DONATION_CHANNELS as string[]] } },
      status: { type: DataTypes.STRING(16), allowNull: false, validate: { isIn: [DONATION_STATUSES as string[]] } },
      expectedCount: { type: DataTypes.INTEGER, allowNull: true },
      receivedCount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      siteId: { type: DataTypes.INTEGER, allowNull: true },
      notes: { type: DataTypes.TEXT, allowNull: true },
      pledgeItems: { type: DataTypes.TEXT, allowNull: true },
      preferredPickupDate: { type: DataTypes.DATEONLY, allowNull: true },
      scheduledPickupDate: { type: DataTypes.DATEONLY, allowNull: true },
      receivedAt: { type: DataTypes.DATE(3), allowNull: true },
      manifestFile: { type: DataTypes.STRING(80), allowNull: true },
      createdBy: { type: DataTypes.INTEGER, allowNull: true },
      // A default as well as the explicit token in the service: donations made by imports, seeders or tests get one too.
      receiptToken: { type: DataTypes.STRING(64), allowNull: true, unique: true, defaultValue: newReceiptToken },
      receiptNumber: { type: DataTypes.STRING(20), allowNull: true, unique: true },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'donations' },
  );
}

export function associateDonationModels(): void {
  associateDonorRows(Donation, 'donations');
  associateDevicesWithDonations(Donation);
}
