// The checkpoints of the device history's verification (audit_checkpoints; devices.audit.ts writes them).
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/** A recorded verification of the device history (devices.audit.ts): a passed incremental check or a full job. */
export class AuditCheckpoint extends Model<InferAttributes<AuditCheckpoint>, InferCreationAttributes<AuditCheckpoint>> {
  declare id: CreationOptional<number>;
  declare kind: 'incremental' | 'full';
  declare state: 'running' | 'done' | 'failed';
  declare runningGuard: number | null;
  declare fromEventId: number;
  declare throughEventId: number;
  declare eventsChecked: number;
  declare eventsTotal: number;
  declare devicesChecked: number;
  declare ok: boolean | null;
  declare brokenCount: number;
  declare broken: string | null;
  declare error: CreationOptional<string | null>;
  declare createdBy: number | null;
  declare startedAt: Date;
  declare finishedAt: Date | null;
  declare updatedAt: CreationOptional<Date>;
}

/** Registered by server/models.ts next to initDeviceModels: the checkpoints of the history's verification. */
export function initAuditModels(sequelize: Sequelize): void {
  AuditCheckpoint.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      kind: { type: DataTypes.STRING(12), allowNull: false },
      state: { type: DataTypes.STRING(12), allowNull: false },
      runningGuard: { type: DataTypes.INTEGER, allowNull: true },
      fromEventId: { type: DataTypes.INTEGER, allowNull: false },
      throughEventId: { type: DataTypes.INTEGER, allowNull: false },
      eventsChecked: { type: DataTypes.INTEGER, allowNull: false },
      eventsTotal: { type: DataTypes.INTEGER, allowNull: false },
      devicesChecked: { type: DataTypes.INTEGER, allowNull: false },
      ok: { type: DataTypes.BOOLEAN, allowNull: true },
      brokenCount: { type: DataTypes.INTEGER, allowNull: false },
      broken: { type: DataTypes.TEXT, allowNull: true },
      error: { type: DataTypes.STRING(500), allowNull: true },
      createdBy: { type: DataTypes.INTEGER, allowNull: true },
      startedAt: { type: DataTypes.DATE(3), allowNull: false },
      finishedAt: { type: DataTypes.DATE(3), allowNull: true },
      updatedAt: { type: DataTypes.DATE(3), allowNull: false },
    },
    { sequelize, tableName: 'audit_checkpoints', createdAt: false },
  );
}
