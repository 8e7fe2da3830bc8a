// Sites: warehouses and branches (table sites).
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export class Site extends Model<InferAttributes<Site>, InferCreationAttributes<Site>> {
  declare id: CreationOptional<number>;
  declare code: string;
  declare name: string;
  declare nameLatin: string | null;
  declare city: string | null;
  /** ISO 3166-2 code from server/shared/regions.ts (SA-01, MA-06…). */
  declare regionCode: CreationOptional<string | null>;
}

export function initSiteModels(sequelize: Sequelize): void {
  Site.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      code: { type: DataTypes.STRING(32), allowNull: false, unique: true },
      name: { type: DataTypes.STRING(200), allowNull: false },
      nameLatin: { type: DataTypes.STRING(200), allowNull: true },
      city: { type: DataTypes.STRING(100), allowNull: true },
      regionCode: { type: DataTypes.STRING(8), allowNull: true },
    },
    { sequelize, tableName: 'sites' },
  );
}
