import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import type { AllocationStatus } from '../../shared/index.js';

export type { AllocationStatus };

export class Allocation extends Model<InferAttributes<Allocation>, InferCreationAttributes<Allocation>> {
  declare id: CreationOptional<number>;
  declare deviceId: number;
  declare beneficiaryId: number;
  declare programmeId: number | null;
  declare status: AllocationStatus;
  declare beneficiaryPrevStatus: string;
  declare overrideReason: string | null;
  declare cancelReason: CreationOptional<string | null>;
  declare receivedBy: CreationOptional<string | null>;
  declare signatureSha256: CreationOptional<string | null>;
  declare signatureType: CreationOptional<string | null>;
  declare certificateCode: CreationOptional<string | null>;
  declare handedOverAt: CreationOptional<Date | null>;
  declare allocatedBy: number | null;
  declare handedOverBy: CreationOptional<number | null>;
  /** The handover appointment (PUT /api/allocations/:id/appointment); `appointmentVersion` counts its changes. */
  declare appointmentAt: CreationOptional<Date | null>;
  declare appointmentSiteId: CreationOptional<number | null>;
  declare appointmentBring: CreationOptional<string | null>;
  declare appointmentVersion: CreationOptional<number>;
  declare appointmentSetBy: CreationOptional<number | null>;
  declare appointmentSetAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const str = (n: number) => ({ type: DataTypes.STRING(n), allowNull: true });
const int = () => ({ type: DataTypes.INTEGER, allowNull: true });

export function initAllocationModels(sequelize: Sequelize): void {
  Allocation.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      deviceId: { type: DataTypes.INTEGER, allowNull: false },
      beneficiaryId: { type: DataTypes.INTEGER, allowNull: false },
      programmeId: int(),
      status: { type: DataTypes.STRING(12), allowNull: false },
      beneficiaryPrevStatus: { type: DataTypes.STRING(16), allowNull: false },
      overrideReason: str(500),
      cancelReason: str(500),
      receivedBy: str(200),
      signatureSha256: { type: DataTypes.CHAR(64), allowNull: true },
      signatureType: str(16),
      certificateCode: { type: DataTypes.STRING(16), allowNull: true, unique: true },
      handedOverAt: { type: DataTypes.DATE(3), allowNull: true },
      allocatedBy: int(),
      handedOverBy: int(),
      appointmentAt: { type: DataTypes.DATE(3), allowNull: true },
      appointmentSiteId: int(),
      appointmentBring: str(300),
      appointmentVersion: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      appointmentSetBy: int(),
      appointmentSetAt: { type: DataTypes.DATE(3), allowNull: true },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'allocations' },
  );
}
