// The outbox's rows (outbox_messages; migration 2026.12.06T00.00.26). Written by outbox.enqueue.ts in the caller's
// transaction, claimed and settled by outbox.worker.ts, listed and retried by outbox.service.ts.
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import type { OutboxChannelName, OutboxStatus } from '../../shared/index.js';

export class OutboxRow extends Model<InferAttributes<OutboxRow>, InferCreationAttributes<OutboxRow>> {
  declare id: CreationOptional<number>;
  declare channel: OutboxChannelName;
  declare topic: string;
  declare idempotencyKey: string;
  declare recipient: string;
  /** JSON text. */
  declare payload: string;
  declare status: OutboxStatus;
  declare attempts: number;
  declare nextAttemptAt: Date;
  declare leaseOwner: string | null;
  declare leaseUntil: Date | null;
  declare lastError: string | null;
  declare sentAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initOutboxModels(sequelize: Sequelize): void {
  OutboxRow.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      channel: { type: DataTypes.STRING(16), allowNull: false },
      topic: { type: DataTypes.STRING(64), allowNull: false },
      idempotencyKey: { type: DataTypes.STRING(191), allowNull: false },
      recipient: { type: DataTypes.STRING(255), allowNull: false },
      payload: { type: DataTypes.TEXT, allowNull: false },
      status: { type: DataTypes.STRING(16), allowNull: false },
      attempts: { type: DataTypes.INTEGER, allowNull: false },
      nextAttemptAt: { type: DataTypes.DATE(3), allowNull: false },
      leaseOwner: { type: DataTypes.STRING(64), allowNull: true },
      leaseUntil: { type: DataTypes.DATE(3), allowNull: true },
      lastError: { type: DataTypes.STRING(1000), allowNull: true },
      sentAt: { type: DataTypes.DATE(3), allowNull: true },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'outbox_messages' },
  );
}
