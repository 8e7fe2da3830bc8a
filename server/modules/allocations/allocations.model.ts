import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import type { AllocationStatus, BatchRecipientKind, BatchStatus } from '../../shared/index.js';

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
  /** The batch this allocation belongs to (an institution's batch), and what went with the device (spec §13). */
  declare batchId: CreationOptional<number | null>;
  /** A comma list of ACCESSORIES (server/shared/batches.ts); null before the handover. */
  declare accessories: CreationOptional<string | null>;
  declare accessoriesNote: CreationOptional<string | null>;
  /** Why an admin handed over before the programme's training was completed (spec §14), and who. */
  declare trainingOverrideReason: CreationOptional<string | null>;
  declare trainingOverrideBy: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/**
 * Many devices for one institution or partner association, reserved and handed over together (spec §13). An
 * institution's batch has one allocation per device (`allocations.batch_id`); a partner's batch puts its devices in
 * the partner's custody at handover, and the partner then hands each one on with an allocation of its own.
 */
export class AllocationBatch extends Model<InferAttributes<AllocationBatch>, InferCreationAttributes<AllocationBatch>> {
  declare id: CreationOptional<number>;
  declare code: string;
  declare status: BatchStatus;
  declare recipientKind: BatchRecipientKind;
  declare beneficiaryId: number | null;
  declare partnerId: number | null;
  declare programmeId: number;
  /** The devices, in the order they were scanned (a JSON array of ids). */
  declare deviceIds: string;
  declare deviceCount: number;
  declare note: string | null;
  declare receivedBy: CreationOptional<string | null>;
  declare signatureSha256: CreationOptional<string | null>;
  declare signatureType: CreationOptional<string | null>;
  declare certificateCode: CreationOptional<string | null>;
  declare accessories: CreationOptional<string | null>;
  declare accessoriesNote: CreationOptional<string | null>;
  declare cancelReason: CreationOptional<string | null>;
  declare handedOverAt: CreationOptional<Date | null>;
  declare handedOverBy: CreationOptional<number | null>;
  declare createdBy: number | null;
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
      batchId: int(),
      accessories: str(64),
      accessoriesNote: str(300),
      trainingOverrideReason: str(500),
      trainingOverrideBy: int(),
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'allocations' },
  );
  AllocationBatch.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      code: { type: DataTypes.STRING(16), allowNull: false, unique: true },
      status: { type: DataTypes.STRING(12), allowNull: false },
      recipientKind: { type: DataTypes.STRING(12), allowNull: false },
      beneficiaryId: int(),
      partnerId: int(),
      programmeId: { type: DataTypes.INTEGER, allowNull: false },
      deviceIds: { type: DataTypes.TEXT, allowNull: false },
      deviceCount: { type: DataTypes.INTEGER, allowNull: false },
      note: str(500),
      receivedBy: str(200),
      signatureSha256: { type: DataTypes.CHAR(64), allowNull: true },
      signatureType: str(16),
      certificateCode: { type: DataTypes.STRING(16), allowNull: true, unique: true },
      accessories: str(64),
      accessoriesNote: str(300),
      cancelReason: str(500),
      handedOverAt: { type: DataTypes.DATE(3), allowNull: true },
      handedOverBy: int(),
      createdBy: int(),
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'allocation_batches' },
  );
}
