// Donors who asked for no more email (table email_unsubscribes, migration …28): one row per donor.
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export class EmailUnsubscribe extends Model<
  InferAttributes<EmailUnsubscribe>,
  InferCreationAttributes<EmailUnsubscribe>
> {
  declare id: CreationOptional<number>;
  declare donorId: number;
  declare unsubscribedAt: Date;
}

export function initEmailModels(sequelize: Sequelize): void {
  EmailUnsubscribe.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      donorId: { type: DataTypes.INTEGER, allowNull: false, unique: true },
      unsubscribedAt: { type: DataTypes.DATE(3), allowNull: false },
    },
    { sequelize, tableName: 'email_unsubscribes', timestamps: false },
  );
}
