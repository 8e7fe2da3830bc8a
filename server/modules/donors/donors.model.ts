import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type ModelStatic,
  type Sequelize,
} from 'sequelize';
import type { DocumentLanguage, DonorKind } from '../../shared/index.js';

export class Donor extends Model<InferAttributes<Donor>, InferCreationAttributes<Donor>> {
  declare id: CreationOptional<number>;
  declare kind: DonorKind;
  declare name: string;
  declare nameLatin: string | null;
  declare contactPerson: string | null;
  declare email: string | null;
  declare phone: string | null;
  declare city: string | null;
  declare crNumber: string | null;
  declare preferredLanguage: CreationOptional<DocumentLanguage>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const str = (n: number) => ({ type: DataTypes.STRING(n), allowNull: true });

export function initDonorModels(sequelize: Sequelize): void {
  Donor.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      kind: { type: DataTypes.STRING(16), allowNull: false, validate: { isIn: [['company', 'individual']] } },
      name: { type: DataTypes.STRING(200), allowNull: false },
      nameLatin: str(200),
      contactPerson: str(200),
      email: str(254),
      phone: str(20),
      city: str(100),
      crNumber: str(32),
      preferredLanguage: { type: DataTypes.STRING(2), allowNull: false, defaultValue: 'ar' },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'donors' },
  );
}

/**
 * Associates another module's model whose rows name a donor by `donorId`: `row.donor` (include it with
 * `{ association: 'donor' }`), and the donor's rows under `as`. That module links its model here instead of holding
 * the Donor class.
 */
export function associateDonorRows(model: ModelStatic<Model>, as: string): void {
  model.belongsTo(Donor, { foreignKey: 'donorId', as: 'donor' });
  Donor.hasMany(model, { foreignKey: 'donorId', as });
}
