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
  /** Spec §14: handover waits until the beneficiary completed `courseId` with `attendanceThreshold` % attendance. */
  declare requiresTraining: CreationOptional<boolean>;
  declare courseId: CreationOptional<number | null>;
  declare attendanceThreshold: CreationOptional<number>;
  /** JSON of ProgrammeEligibility; null = open to every kind, age, region and income. */
  declare eligibility: CreationOptional<string | null>;
  /** JSON of ProgrammeWeights; null = the country's defaults, no committee share. */
  declare weights: CreationOptional<string | null>;
  declare committeeScoring: CreationOptional<boolean>;
  declare applicationsOpen: CreationOptional<boolean>;
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
      requiresTraining: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      courseId: { type: DataTypes.INTEGER, allowNull: true },
      attendanceThreshold: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 75 },
      eligibility: { type: DataTypes.TEXT, allowNull: true },
      weights: { type: DataTypes.TEXT, allowNull: true },
      committeeScoring: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      applicationsOpen: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'programmes' },
  );
}
