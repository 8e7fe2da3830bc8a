import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/** A part taken from a harvested device (or bought), available to repairs until used. */
export class Part extends Model<InferAttributes<Part>, InferCreationAttributes<Part>> {
  declare id: CreationOptional<number>;
  declare type: string;
  declare serialNumber: string | null;
  declare description: string | null;
  declare status: 'available' | 'used';
  declare sourceDeviceId: number | null;
  declare usedInDeviceId: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class Disposal extends Model<InferAttributes<Disposal>, InferCreationAttributes<Disposal>> {
  declare id: CreationOptional<number>;
  declare deviceId: number;
  declare kind: 'recycle' | 'harvest';
  declare recycler: string | null;
  declare weightKg: number | null;
  declare certificateRef: string | null;
  declare createdBy: number | null;
  declare createdAt: CreationOptional<Date>;
}

export class VerificationSample extends Model<
  InferAttributes<VerificationSample>,
  InferCreationAttributes<VerificationSample>
> {
  declare id: CreationOptional<number>;
  declare deviceId: number;
  declare operatorId: number | null;
  declare status: 'pending' | 'passed' | 'failed';
  declare verifierId: CreationOptional<number | null>;
  declare verifiedAt: CreationOptional<Date | null>;
  declare notes: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
}

// A function, not a shared object: Sequelize writes the column name into each attribute definition.
const int = () => ({ type: DataTypes.INTEGER, allowNull: true });

export function initWorkshopModels(sequelize: Sequelize): void {
  Part.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      type: { type: DataTypes.STRING(32), allowNull: false },
      serialNumber: { type: DataTypes.STRING(100), allowNull: true },
      description: { type: DataTypes.STRING(200), allowNull: true },
      status: { type: DataTypes.STRING(12), allowNull: false },
      sourceDeviceId: int(),
      usedInDeviceId: int(),
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'parts' },
  );
  Disposal.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      deviceId: { type: DataTypes.INTEGER, allowNull: false },
      kind: { type: DataTypes.STRING(12), allowNull: false },
      recycler: { type: DataTypes.STRING(200), allowNull: true },
      weightKg: { type: DataTypes.FLOAT, allowNull: true },
      certificateRef: { type: DataTypes.STRING(100), allowNull: true },
      createdBy: int(),
      createdAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'disposals', updatedAt: false },
  );
  VerificationSample.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      deviceId: { type: DataTypes.INTEGER, allowNull: false },
      operatorId: int(),
      status: { type: DataTypes.STRING(12), allowNull: false },
      verifierId: int(),
      verifiedAt: { type: DataTypes.DATE(3), allowNull: true },
      notes: { type: DataTypes.TEXT, allowNull: true },
      createdAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'verification_samples', updatedAt: false },
  );
}
