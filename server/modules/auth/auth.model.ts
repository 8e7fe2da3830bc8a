import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type ModelStatic,
  type Sequelize,
} from 'sequelize';
import { ROLES, type Role } from './auth.roles.js';
import type { Language } from '../../shared/index.js';

export class User extends Model<InferAttributes<User>, InferCreationAttributes<User>> {
  declare id: CreationOptional<number>;
  declare email: string;
  declare name: string;
  declare role: Role;
  /** The partner organisation of a `partner` user (spec §13); null for the charity's staff. */
  declare partnerId: CreationOptional<number | null>;
  declare passwordHash: string;
  declare language: CreationOptional<Language>;
  declare active: CreationOptional<boolean>;
  declare lastLoginAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class Session extends Model<InferAttributes<Session>, InferCreationAttributes<Session>> {
  declare id: CreationOptional<number>;
  declare userId: number;
  declare tokenHash: string;
  declare expiresAt: Date;
  declare revokedAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
}

export class LoginAttempt extends Model<InferAttributes<LoginAttempt>, InferCreationAttributes<LoginAttempt>> {
  declare id: CreationOptional<number>;
  declare email: string;
  declare ip: string;
  declare succeeded: boolean;
  declare createdAt: CreationOptional<Date>;
}

/** A window of failed sign-in tries for one bucket: an (email, ip) pair, an address (email '') or an account (ip ''). */
export class LoginThrottle extends Model<InferAttributes<LoginThrottle>, InferCreationAttributes<LoginThrottle>> {
  declare id: CreationOptional<number>;
  declare email: string;
  declare ip: string;
  declare scope: 'pair' | 'address' | 'account';
  declare failures: number;
  /** Tries taken and not yet decided (their password is being checked). */
  declare pending: CreationOptional<number>;
  /** Tries ended since the row was made (never reset): waiting sign-ins watch it move. */
  declare settled: CreationOptional<number>;
  declare windowStart: Date;
}

export function initAuthModels(sequelize: Sequelize): void {
  User.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      email: { type: DataTypes.STRING(254), allowNull: false, unique: true },
      name: { type: DataTypes.STRING(200), allowNull: false },
      role: { type: DataTypes.STRING(16), allowNull: false, validate: { isIn: [ROLES as unknown as string[]] } },
      partnerId: { type: DataTypes.INTEGER, allowNull: true },
      passwordHash: { type: DataTypes.STRING(255), allowNull: false },
      language: { type: DataTypes.STRING(2), allowNull: false, defaultValue: 'ar' },
      active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      lastLoginAt: { type: DataTypes.DATE(3), allowNull: true },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'users' },
  );

  Session.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      userId: { type: DataTypes.INTEGER, allowNull: false },
      tokenHash: { type: DataTypes.CHAR(64), allowNull: false },
      expiresAt: { type: DataTypes.DATE(3), allowNull: false },
      revokedAt: { type: DataTypes.DATE(3), allowNull: true },
      createdAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'sessions', updatedAt: false },
  );

  LoginAttempt.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      email: { type: DataTypes.STRING(254), allowNull: false },
      ip: { type: DataTypes.STRING(64), allowNull: false },
      succeeded: { type: DataTypes.BOOLEAN, allowNull: false },
      createdAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'login_attempts', updatedAt: false },
  );

  LoginThrottle.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      email: { type: DataTypes.STRING(254), allowNull: false },
      ip: { type: DataTypes.STRING(64), allowNull: false },
      scope: { type: DataTypes.STRING(8), allowNull: false },
      failures: { type: DataTypes.INTEGER, allowNull: false },
      pending: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      settled: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      windowStart: { type: DataTypes.DATE(3), allowNull: false },
    },
    { sequelize, tableName: 'login_throttles', timestamps: false },
  );
}

export function associateAuthModels(): void {
  Session.belongsTo(User, { foreignKey: 'userId', as: 'user' });
}

/**
 * Another module's rows that name a user (`foreignKey`, e.g. an event's or an audit row's actor) get the user as
 * association `as` (`{ association: as }` includes it): called with their model, so that User stays unexported.
 */
export function associateUserRows(model: ModelStatic<Model>, foreignKey: string, as: string): void {
  model.belongsTo(User, { foreignKey, as });
}
