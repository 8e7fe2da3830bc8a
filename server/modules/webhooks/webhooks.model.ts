// Webhook endpoints, the events they subscribe to, and the log of delivery attempts (tables webhook_endpoints,
// webhook_subscriptions, webhook_deliveries; migration 2026.12.06T00.00.29).
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export class WebhookEndpoint extends Model<InferAttributes<WebhookEndpoint>, InferCreationAttributes<WebhookEndpoint>> {
  declare id: CreationOptional<number>;
  declare url: string;
  /** lib/pii.ts ciphertext of the signing secret, bound to this row (webhookSecretAad). */
  declare secretEncrypted: string;
  /** The secret's last four characters: reads show it masked with them. */
  declare secretHint: string;
  declare enabled: CreationOptional<boolean>;
  declare consecutiveFailures: CreationOptional<number>;
  declare disabledAt: CreationOptional<Date | null>;
  declare disabledReason: CreationOptional<string | null>;
  declare createdBy: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class WebhookSubscription extends Model<
  InferAttributes<WebhookSubscription>,
  InferCreationAttributes<WebhookSubscription>
> {
  declare event: string;
  declare endpointId: number;
}

export class WebhookDelivery extends Model<InferAttributes<WebhookDelivery>, InferCreationAttributes<WebhookDelivery>> {
  declare id: CreationOptional<number>;
  declare endpointId: number;
  declare outboxMessageId: number;
  declare event: string;
  /** 1 for the first try of the outbox message, 2 for its first retry… */
  declare attempt: number;
  /** The receiver's HTTP status; null when no answer came (refused target, network error, timeout). */
  declare statusCode: number | null;
  declare latencyMs: number;
  declare error: string | null;
  declare createdAt: CreationOptional<Date>;
}

export function initWebhookModels(sequelize: Sequelize): void {
  WebhookEndpoint.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      url: { type: DataTypes.STRING(2048), allowNull: false },
      secretEncrypted: { type: DataTypes.STRING(512), allowNull: false },
      secretHint: { type: DataTypes.STRING(8), allowNull: false },
      enabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      consecutiveFailures: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      disabledAt: { type: DataTypes.DATE(3), allowNull: true },
      disabledReason: { type: DataTypes.STRING(500), allowNull: true },
      createdBy: { type: DataTypes.INTEGER, allowNull: true },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'webhook_endpoints' },
  );
  WebhookSubscription.init(
    {
      event: { type: DataTypes.STRING(64), allowNull: false, primaryKey: true },
      endpointId: { type: DataTypes.INTEGER, allowNull: false, primaryKey: true },
    },
    { sequelize, tableName: 'webhook_subscriptions', timestamps: false },
  );
  WebhookDelivery.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      endpointId: { type: DataTypes.INTEGER, allowNull: false },
      outboxMessageId: { type: DataTypes.INTEGER, allowNull: false },
      event: { type: DataTypes.STRING(64), allowNull: false },
      attempt: { type: DataTypes.INTEGER, allowNull: false },
      statusCode: { type: DataTypes.INTEGER, allowNull: true },
      latencyMs: { type: DataTypes.INTEGER, allowNull: false },
      error: { type: DataTypes.STRING(500), allowNull: true },
      createdAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'webhook_deliveries', updatedAt: false },
  );
}
