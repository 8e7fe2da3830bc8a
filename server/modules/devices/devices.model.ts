import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type ModelStatic,
  type Sequelize,
} from 'sequelize';
import { DEVICE_STATUSES, type DeviceStatus } from './devices.lifecycle.js';
import { DEVICE_TYPES, MEDIA_TYPES, type DeviceType, type Disposition, type MediaType } from '../../shared/index.js';

// Wire constants, defined in server/shared (MEDIA_TYPES there is in pick order: only membership matters here and
// in the joi schemas).
export { DEVICE_TYPES, MEDIA_TYPES };
export const DISPOSITIONS: readonly Disposition[] = ['reuse', 'recycle', 'parts'];

export class Device extends Model<InferAttributes<Device>, InferCreationAttributes<Device>> {
  declare id: CreationOptional<number>;
  declare assetTag: string;
  declare donationId: number;
  declare siteId: number | null;
  declare type: DeviceType;
  declare manufacturer: string | null;
  declare model: string | null;
  declare serialNumber: string | null;
  declare serialKey: string | null;
  /** Phones and tablets only (docs/phones.md): 15 Latin digits, Luhn-checked; unique where set. */
  declare imei: CreationOptional<string | null>;
  declare cpu: CreationOptional<string | null>;
  declare ramGb: CreationOptional<number | null>;
  declare storageSummary: CreationOptional<string | null>;
  declare screenInches: CreationOptional<number | null>;
  declare batteryHealth: CreationOptional<number | null>;
  declare status: DeviceStatus;
  declare disposition: CreationOptional<Disposition | null>;
  declare grade: CreationOptional<'A' | 'B' | 'C' | null>;
  declare r2Function: CreationOptional<string | null>;
  declare r2Cosmetic: CreationOptional<string | null>;
  declare os: CreationOptional<string | null>;
  declare licence: CreationOptional<string | null>;
  declare windows11Eligible: CreationOptional<boolean | null>;
  declare notes: CreationOptional<string | null>;
  /** A partner association holding the device to hand it on (spec §13), since when, through which batch. */
  declare custodyPartnerId: CreationOptional<number | null>;
  declare custodySince: CreationOptional<Date | null>;
  declare custodyBatchId: CreationOptional<number | null>;
  declare version: CreationOptional<number>;
  declare lastEventSeq: CreationOptional<number>;
  declare lastEventHash: CreationOptional<string | null>;
  declare statusChangedAt: Date;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class Drive extends Model<InferAttributes<Drive>, InferCreationAttributes<Drive>> {
  declare id: CreationOptional<number>;
  declare deviceId: number;
  declare serialNumber: string;
  declare serialKey: string;
  declare model: string | null;
  declare mediaType: MediaType;
  declare capacityBytes: number | null;
  declare smartPassed: CreationOptional<boolean | null>;
  declare powerOnHours: CreationOptional<number | null>;
  declare reallocatedSectors: CreationOptional<number | null>;
  declare pendingSectors: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class DeviceEvent extends Model<InferAttributes<DeviceEvent>, InferCreationAttributes<DeviceEvent>> {
  declare id: CreationOptional<number>;
  declare deviceId: number;
  declare seq: number;
  declare type: string;
  declare actorId: number | null;
  declare fromStatus: DeviceStatus | null;
  declare toStatus: DeviceStatus | null;
  declare payload: string;
  declare prevHash: string | null;
  declare hash: string;
  declare createdAt: Date;
}

const str = (n: number) => ({ type: DataTypes.STRING(n), allowNull: true });

export function initDeviceModels(sequelize: Sequelize): void {
  Device.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      assetTag: { type: DataTypes.STRING(24), allowNull: false, unique: true },
      donationId: { type: DataTypes.INTEGER, allowNull: false },
      siteId: { type: DataTypes.INTEGER, allowNull: true },
      type: { type: DataTypes.STRING(16), allowNull: false, validate: { isIn: [DEVICE_TYPES as string[]] } },
      manufacturer: str(100),
      model: str(150),
      serialNumber: str(100),
      serialKey: str(100),
      imei: { type: DataTypes.STRING(15), allowNull: true, unique: 'devices_imei' },
      cpu: str(200),
      ramGb: { type: DataTypes.FLOAT, allowNull: true },
      storageSummary: str(200),
      screenInches: { type: DataTypes.FLOAT, allowNull: true },
      batteryHealth: { type: DataTypes.INTEGER, allowNull: true },
      status: {
        type: DataTypes.STRING(16),
        allowNull: false,
        validate: { isIn: [DEVICE_STATUSES as unknown as string[]] },
      },
      disposition: str(16),
      grade: str(1),
      r2Function: str(2),
      r2Cosmetic: str(2),
      os: str(100),
      licence: str(32),
      windows11Eligible: { type: DataTypes.BOOLEAN, allowNull: true },
      notes: { type: DataTypes.TEXT, allowNull: true },
      custodyPartnerId: { type: DataTypes.INTEGER, allowNull: true },
      custodySince: { type: DataTypes.DATE(3), allowNull: true },
      custodyBatchId: { type: DataTypes.INTEGER, allowNull: true },
      version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      lastEventSeq: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      lastEventHash: { type: DataTypes.CHAR(64), allowNull: true },
      statusChangedAt: { type: DataTypes.DATE(3), allowNull: false },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'devices' },
  );

  Drive.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      deviceId: { type: DataTypes.INTEGER, allowNull: false },
      serialNumber: { type: DataTypes.STRING(100), allowNull: false },
      serialKey: { type: DataTypes.STRING(100), allowNull: false },
      model: str(150),
      mediaType: { type: DataTypes.STRING(8), allowNull: false, validate: { isIn: [MEDIA_TYPES as string[]] } },
      capacityBytes: {
        type: DataTypes.BIGINT,
        allowNull: true,
        get() {
          const v = this.getDataValue('capacityBytes');
          return v === null ? null : Number(v);
        },
      },
      smartPassed: { type: DataTypes.BOOLEAN, allowNull: true },
      powerOnHours: { type: DataTypes.INTEGER, allowNull: true },
      reallocatedSectors: { type: DataTypes.INTEGER, allowNull: true },
      pendingSectors: { type: DataTypes.INTEGER, allowNull: true },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'drives' },
  );

  DeviceEvent.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      deviceId: { type: DataTypes.INTEGER, allowNull: false },
      seq: { type: DataTypes.INTEGER, allowNull: false },
      type: { type: DataTypes.STRING(32), allowNull: false },
      actorId: { type: DataTypes.INTEGER, allowNull: true },
      fromStatus: str(16),
      toStatus: str(16),
      payload: { type: DataTypes.TEXT, allowNull: false },
      prevHash: { type: DataTypes.CHAR(64), allowNull: true },
      hash: { type: DataTypes.CHAR(64), allowNull: false },
      createdAt: { type: DataTypes.DATE(3), allowNull: false },
    },
    { sequelize, tableName: 'device_events', updatedAt: false },
  );
}

/** The module's associations; `associateUserRows` is the auth module's (an event's actor is a user). */
export function associateDeviceModels(
  associateUserRows: (model: ModelStatic<Model>, foreignKey: string, as: string) => void,
): void {
  Device.hasMany(Drive, { foreignKey: 'deviceId', as: 'drives' });
  Drive.belongsTo(Device, { foreignKey: 'deviceId', as: 'device' });
  Device.hasMany(DeviceEvent, { foreignKey: 'deviceId', as: 'events' });
  DeviceEvent.belongsTo(Device, { foreignKey: 'deviceId', as: 'device' });
  associateUserRows(DeviceEvent, 'actorId', 'actor');
}

/** A device belongs to a donation: called by the donations module with its model, so that Device stays unexported. */
export function associateDevicesWithDonations(donations: ModelStatic<Model>): void {
  donations.hasMany(Device, { foreignKey: 'donationId', as: 'devices' });
  Device.belongsTo(donations, { foreignKey: 'donationId', as: 'donation' });
}
