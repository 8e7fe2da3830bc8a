import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type ModelStatic,
  type Sequelize,
} from 'sequelize';
import { PARTNER_KINDS, type PartnerKind } from '../../shared/beneficiaries.js';

export { PARTNER_KINDS, type PartnerKind };

export class Partner extends Model<InferAttributes<Partner>, InferCreationAttributes<Partner>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare nameLatin: string | null;
  declare kind: PartnerKind;
  declare city: string | null;
  /** ISO 3166-2 code from server/shared/regions.ts (SA-01, MA-06…). */
  declare regionCode: CreationOptional<string | null>;
  declare contactPerson: string | null;
  declare phone: string | null;
  declare email: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const str = (n: number) => ({ type: DataTypes.STRING(n), allowNull: true });

export function initPartnerModels(sequelize: Sequelize): void {
  Partner.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      name: { type: DataTypes.STRING(200), allowNull: false },
      nameLatin: str(200),
      kind: { type: DataTypes.STRING(16), allowNull: false, validate: { isIn: [[...PARTNER_KINDS]] } },
      city: str(100),
      regionCode: str(8),
      contactPerson: str(200),
      phone: str(20),
      email: str(254),
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'partners' },
  );
}

/**
 * Associates another module's model whose rows name a partner by `partnerId`: `row.partner`, and the partner's rows
 * under `as`. That module links its model here instead of holding the Partner class.
 */
export function associatePartnerRows(model: ModelStatic<Model>, as: string): void {
  model.belongsTo(Partner, { foreignKey: 'partnerId', as: 'partner' });
  Partner.hasMany(model, { foreignKey: 'partnerId', as });
}
