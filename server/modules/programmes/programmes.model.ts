import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export class Programme extends Model<InferAttributes<Programme>, InferCreationAttributes<Programme>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare nameLatin: string | null;
  declare targetFamilies: number;
  declare targetStudents: number;
  declare startsOn: string | null;
  declare endsOn: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initProgrammeModels(sequelize: Sequelize): void {
  Programme.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      name: { type: DataTypes.STRING(200), allowNull: false, unique: true },
      nameLatin: { type: DataTypes.STRING(200), allowNull: true },
      targetFamilies: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      targetStudents: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      startsOn: { type: DataTypes.DATEONLY, allowNull: true },
      endsOn: { type: DataTypes.DATEONLY, allowNull: true },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'programmes' },
  );
}
