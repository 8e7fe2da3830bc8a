import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import {
  SANITIZATION_METHODS as METHODS,
  SANITIZATION_RESULTS as RESULTS,
  SANITIZATION_TECHNIQUES as TECHNIQUES,
  SANITIZATION_VERIFICATIONS as VERIFICATIONS,
} from '../../shared/index.js';

// The code lists are wire constants (the client's wipe form offers them): defined in server/shared.
export { METHODS, RESULTS, TECHNIQUES, VERIFICATIONS };
/** Spec §10: how a record is evidenced, and whether it counts (only `counted` + `passed` satisfies a drive). */
export const EVIDENCE = ['tool_log', 'photo', 'none'] as const;
export const STATES = ['counted', 'awaiting_confirmation', 'rejected'] as const;

export class Sanitization extends Model<InferAttributes<Sanitization>, InferCreationAttributes<Sanitization>> {
  declare id: CreationOptional<number>;
  declare deviceId: number;
  /** Null for a device-level record: a phone's or tablet's factory reset with encryption (docs/phones.md). */
  declare driveId: number | null;
  declare method: (typeof METHODS)[number];
  declare technique: (typeof TECHNIQUES)[number];
  declare tool: string;
  declare passes: number | null;
  declare verification: (typeof VERIFICATIONS)[number];
  declare result: (typeof RESULTS)[number];
  declare startedAt: Date | null;
  declare finishedAt: Date | null;
  declare operatorId: number | null;
  declare verifierId: number | null;
  declare source: 'manual' | 'nwipe' | 'workbench' | 'evidence';
  declare evidenceSha256: string | null;
  declare evidence: (typeof EVIDENCE)[number];
  declare state: (typeof STATES)[number];
  declare confirmedBy: CreationOptional<number | null>;
  declare confirmedAt: CreationOptional<Date | null>;
  declare rejectedBy: CreationOptional<number | null>;
  declare rejectedAt: CreationOptional<Date | null>;
  declare rejectionReason: CreationOptional<string | null>;
  declare notes: string | null;
  /** A device-level factory reset's: encryption verified on before the reset (no: not a purge), and the OS version. */
  declare encryptionVerified: CreationOptional<boolean | null>;
  declare osVersion: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
}

export function initSanitizationModels(sequelize: Sequelize): void {
  Sanitization.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      deviceId: { type: DataTypes.INTEGER, allowNull: false },
      driveId: { type: DataTypes.INTEGER, allowNull: true },
      method: { type: DataTypes.STRING(8), allowNull: false, validate: { isIn: [METHODS as unknown as string[]] } },
      technique: {
        type: DataTypes.STRING(24),
        allowNull: false,
        validate: { isIn: [TECHNIQUES as unknown as string[]] },
      },
      tool: { type: DataTypes.STRING(100), allowNull: false },
      passes: { type: DataTypes.INTEGER, allowNull: true },
      verification: { type: DataTypes.STRING(12), allowNull: false },
      result: { type: DataTypes.STRING(8), allowNull: false, validate: { isIn: [RESULTS as unknown as string[]] } },
      startedAt: { type: DataTypes.DATE(3), allowNull: true },
      finishedAt: { type: DataTypes.DATE(3), allowNull: true },
      operatorId: { type: DataTypes.INTEGER, allowNull: true },
      verifierId: { type: DataTypes.INTEGER, allowNull: true },
      source: { type: DataTypes.STRING(16), allowNull: false },
      evidenceSha256: { type: DataTypes.CHAR(64), allowNull: true },
      evidence: { type: DataTypes.STRING(12), allowNull: false, validate: { isIn: [EVIDENCE as unknown as string[]] } },
      state: { type: DataTypes.STRING(24), allowNull: false, validate: { isIn: [STATES as unknown as string[]] } },
      confirmedBy: { type: DataTypes.INTEGER, allowNull: true },
      confirmedAt: { type: DataTypes.DATE(3), allowNull: true },
      rejectedBy: { type: DataTypes.INTEGER, allowNull: true },
      rejectedAt: { type: DataTypes.DATE(3), allowNull: true },
      rejectionReason: { type: DataTypes.STRING(500), allowNull: true },
      notes: { type: DataTypes.TEXT, allowNull: true },
      encryptionVerified: { type: DataTypes.BOOLEAN, allowNull: true },
      osVersion: { type: DataTypes.STRING(100), allowNull: true },
      createdAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'sanitizations', updatedAt: false },
  );
}

export class DeviceFile extends Model<InferAttributes<DeviceFile>, InferCreationAttributes<DeviceFile>> {
  declare id: CreationOptional<number>;
  declare deviceId: number;
  declare kind: 'hardware_report' | 'wipe_evidence' | 'destruction_evidence';
  declare format: string | null;
  declare sha256: string;
  declare sizeBytes: number;
  declare originalName: string | null;
  declare uploadedBy: number | null;
  declare createdAt: CreationOptional<Date>;
}

export function initDeviceFileModels(sequelize: Sequelize): void {
  DeviceFile.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      deviceId: { type: DataTypes.INTEGER, allowNull: false },
      kind: { type: DataTypes.STRING(24), allowNull: false },
      format: { type: DataTypes.STRING(24), allowNull: true },
      sha256: { type: DataTypes.CHAR(64), allowNull: false },
      sizeBytes: { type: DataTypes.INTEGER, allowNull: false },
      originalName: { type: DataTypes.STRING(255), allowNull: true },
      uploadedBy: { type: DataTypes.INTEGER, allowNull: true },
      createdAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'device_files', updatedAt: false },
  );
}
