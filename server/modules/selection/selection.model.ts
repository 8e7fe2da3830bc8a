// The selection module's rows (spec §14): a committee's score of a beneficiary for one programme, and an application
// to a programme through its public form. One of each per programme and beneficiary (unique pairs).
import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { associateUserRows } from '../auth/index.js';

export class CommitteeScore extends Model<InferAttributes<CommitteeScore>, InferCreationAttributes<CommitteeScore>> {
  declare id: CreationOptional<number>;
  declare programmeId: number;
  declare beneficiaryId: number;
  /** 0–10 in halves. */
  declare score: number;
  declare note: string | null;
  /** Who scored last, and when: scoring again replaces the row. */
  declare scoredBy: number;
  declare scoredAt: Date;
}

export class ProgrammeApplication extends Model<
  InferAttributes<ProgrammeApplication>,
  InferCreationAttributes<ProgrammeApplication>
> {
  declare id: CreationOptional<number>;
  declare programmeId: number;
  declare beneficiaryId: number;
  /** AP-2026-000001: what the applicant quotes. */
  declare reference: string;
  /** Why they apply, in their words (the committee reads it). */
  declare motivation: string | null;
  declare createdAt: CreationOptional<Date>;
}

export function initSelectionModels(sequelize: Sequelize): void {
  CommitteeScore.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      programmeId: { type: DataTypes.INTEGER, allowNull: false },
      beneficiaryId: { type: DataTypes.INTEGER, allowNull: false },
      // DECIMAL comes back as a string from some drivers.
      score: {
        type: DataTypes.DECIMAL(3, 1),
        allowNull: false,
        get(this: CommitteeScore) {
          return Number(this.getDataValue('score'));
        },
      },
      note: { type: DataTypes.TEXT, allowNull: true },
      scoredBy: { type: DataTypes.INTEGER, allowNull: false },
      scoredAt: { type: DataTypes.DATE(3), allowNull: false },
    },
    { sequelize, tableName: 'committee_scores', timestamps: false },
  );
  ProgrammeApplication.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      programmeId: { type: DataTypes.INTEGER, allowNull: false },
      beneficiaryId: { type: DataTypes.INTEGER, allowNull: false },
      reference: { type: DataTypes.STRING(20), allowNull: false, unique: true },
      motivation: { type: DataTypes.TEXT, allowNull: true },
      createdAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'programme_applications', updatedAt: false },
  );
}

export function associateSelectionModels(): void {
  associateUserRows(CommitteeScore, 'scoredBy', 'scorer');
}
