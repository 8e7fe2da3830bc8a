import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { associateUserRows } from '../auth/index.js';
import {
  BENEFICIARY_KINDS,
  BENEFICIARY_STATUSES,
  NEEDS,
  PURPOSES,
  type BeneficiaryKind,
  type BeneficiaryStatus,
  type Need,
  type Purpose,
} from './beneficiaries.lifecycle.js';
import { associatePartnerRows } from '../partners/index.js';
import {
  CONTACT_CHANNELS,
  CONTACT_LANGUAGES,
  INSTITUTION_TYPES,
  type ContactChannel,
  type ContactLanguage,
  type InstitutionType,
} from '../../shared/index.js';

export class Beneficiary extends Model<InferAttributes<Beneficiary>, InferCreationAttributes<Beneficiary>> {
  declare id: CreationOptional<number>;
  declare kind: BeneficiaryKind;
  declare name: string;
  /** Null for institutions (spec §13: no national ID). */
  declare nationalIdEncrypted: string | null;
  declare nationalIdHash: string | null;
  declare nationalIdLast4: string | null;
  declare phone: string;
  declare city: string | null;
  /** ISO 3166-2 code from server/shared/regions.ts (SA-01, MA-06…). */
  declare regionCode: CreationOptional<string | null>;
  declare region: string | null;
  /** YYYY-MM-DD; people only, optional (a programme's age range needs it). Personal data. */
  declare birthDate: CreationOptional<string | null>;
  /** Null for institutions. */
  declare householdSize: number | null;
  declare monthlyIncome: number | null;
  declare schoolChildren: number;
  declare need: Need;
  declare purpose: Purpose;
  declare partnerId: number | null;
  /** An institution's own fields (kind `institution`); null for families and students. */
  declare institutionType: CreationOptional<InstitutionType | null>;
  declare registrationNumber: CreationOptional<string | null>;
  declare contactPerson: CreationOptional<string | null>;
  declare requestedDevices: CreationOptional<number | null>;
  declare justification: CreationOptional<string | null>;
  /** Written only by changeBeneficiaryStatus (and set to `applied` on create). */
  declare status: BeneficiaryStatus;
  declare rejectionReason: CreationOptional<string | null>;
  declare statusChangedAt: Date;
  /** Whether the family agreed to be messaged (spec §12); the rest says how, and who recorded the answer when. */
  declare contactConsent: CreationOptional<boolean>;
  declare contactConsentChannel: CreationOptional<ContactChannel | null>;
  declare contactLanguage: CreationOptional<ContactLanguage | null>;
  declare contactConsentBy: CreationOptional<number | null>;
  declare contactConsentAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/**
 * `committee_scored`: a programme's committee scored the beneficiary (the score lives in committee_scores);
 * `applied`: an application to a programme through its public form named this beneficiary's national ID.
 */
export const AUDIT_ACTIONS = ['created', 'updated', 'status_changed', 'committee_scored', 'applied'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export class BeneficiaryAudit extends Model<
  InferAttributes<BeneficiaryAudit>,
  InferCreationAttributes<BeneficiaryAudit>
> {
  declare id: CreationOptional<number>;
  declare beneficiaryId: number;
  declare actorId: number | null;
  declare action: AuditAction;
  /** JSON array of field names; never values. */
  declare fields: string;
  declare fromStatus: string | null;
  declare toStatus: string | null;
  declare createdAt: CreationOptional<Date>;
}

const oneOf = (values: readonly string[]) => ({ isIn: [[...values]] });
const str = (n: number, allowNull = true) => ({ type: DataTypes.STRING(n), allowNull });
const int = () => ({ type: DataTypes.INTEGER, allowNull: false });

export function initBeneficiaryModels(sequelize: Sequelize): void {
  Beneficiary.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      kind: { ...str(16, false), validate: oneOf(BENEFICIARY_KINDS) },
      name: str(200, false),
      nationalIdEncrypted: { type: DataTypes.TEXT, allowNull: true },
      nationalIdHash: { type: DataTypes.CHAR(64), allowNull: true, unique: true },
      nationalIdLast4: str(4),
      phone: str(20, false),
      city: str(100),
      regionCode: str(8),
      region: str(100),
      birthDate: { type: DataTypes.DATEONLY, allowNull: true },
      householdSize: { type: DataTypes.INTEGER, allowNull: true },
      // DECIMAL comes back as a string from some drivers; the score and the API want a number.
      monthlyIncome: {
        type: DataTypes.DECIMAL(12, 2),
        allowNull: true,
        get(this: Beneficiary) {
          const value = this.getDataValue('monthlyIncome');
          return value == null ? null : Number(value);
        },
      },
      schoolChildren: { ...int(), defaultValue: 0 },
      need: { ...str(16, false), validate: oneOf(NEEDS) },
      purpose: { ...str(16, false), validate: oneOf(PURPOSES) },
      partnerId: { type: DataTypes.INTEGER, allowNull: true },
      institutionType: { ...str(24), validate: oneOf(INSTITUTION_TYPES) },
      registrationNumber: { ...str(50), unique: true },
      contactPerson: str(200),
      requestedDevices: { type: DataTypes.INTEGER, allowNull: true },
      justification: { type: DataTypes.TEXT, allowNull: true },
      status: { ...str(16, false), validate: oneOf(BENEFICIARY_STATUSES) },
      rejectionReason: { type: DataTypes.TEXT, allowNull: true },
      statusChangedAt: { type: DataTypes.DATE(3), allowNull: false },
      contactConsent: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      contactConsentChannel: { ...str(16), validate: oneOf(CONTACT_CHANNELS) },
      contactLanguage: { ...str(8), validate: oneOf(CONTACT_LANGUAGES) },
      contactConsentBy: { type: DataTypes.INTEGER, allowNull: true },
      contactConsentAt: { type: DataTypes.DATE(3), allowNull: true },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'beneficiaries' },
  );
  BeneficiaryAudit.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      beneficiaryId: int(),
      actorId: { type: DataTypes.INTEGER, allowNull: true },
      action: { ...str(16, false), validate: oneOf(AUDIT_ACTIONS) },
      fields: { type: DataTypes.TEXT, allowNull: false },
      fromStatus: str(16),
      toStatus: str(16),
      createdAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'beneficiary_audit', updatedAt: false },
  );
}

export function associateBeneficiaryModels(): void {
  associatePartnerRows(Beneficiary, 'beneficiaries');
  BeneficiaryAudit.belongsTo(Beneficiary, { foreignKey: 'beneficiaryId', as: 'beneficiary' });
  associateUserRows(BeneficiaryAudit, 'actorId', 'actor');
}
