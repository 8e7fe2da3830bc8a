import { randomBytes } from 'node:crypto';
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

/** The secret of a donor's page link (`/donors/<token>`): 256 random bits, base64url (43 characters). */
export const newPageToken = (): string => randomBytes(32).toString('base64url');

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
  /** The donor agreed to be thanked by name on the certificates of the families who received its devices. */
  declare creditOnCertificates: CreationOptional<boolean>;
  declare pageToken: CreationOptional<string>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** A page token a rotation replaced: its old link answers 410 "this link was replaced". */
export class RetiredPageToken extends Model<
  InferAttributes<RetiredPageToken>,
  InferCreationAttributes<RetiredPageToken>
> {
  declare id: CreationOptional<number>;
  declare donorId: number;
  declare token: string;
  declare retiredAt: Date;
  declare retiredBy: number | null;
}

/** A yearly statement issued to a donor (`ST-2026-0001`): one per donor and year, numbered once. */
export class DonorStatement extends Model<InferAttributes<DonorStatement>, InferCreationAttributes<DonorStatement>> {
  declare id: CreationOptional<number>;
  declare donorId: number;
  declare year: number;
  declare number: string;
  declare issuedAt: Date;
  declare issuedBy: number | null;
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
      creditOnCertificates: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      // A default rather than a step of createDonor: donors made by pledges, seeders and tests get one too.
      pageToken: { type: DataTypes.STRING(64), allowNull: false, unique: true, defaultValue: newPageToken },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'donors' },
  );
  RetiredPageToken.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      donorId: { type: DataTypes.INTEGER, allowNull: false },
      token: { type: DataTypes.STRING(64), allowNull: false, unique: true },
      retiredAt: { type: DataTypes.DATE(3), allowNull: false },
      retiredBy: { type: DataTypes.INTEGER, allowNull: true },
    },
    { sequelize, tableName: 'donor_retired_page_tokens', timestamps: false },
  );
  DonorStatement.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      donorId: { type: DataTypes.INTEGER, allowNull: false },
      year: { type: DataTypes.INTEGER, allowNull: false },
      number: { type: DataTypes.STRING(20), allowNull: false, unique: true },
      issuedAt: { type: DataTypes.DATE(3), allowNull: false },
      issuedBy: { type: DataTypes.INTEGER, allowNull: true },
    },
    { sequelize, tableName: 'donor_statements', timestamps: false },
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
