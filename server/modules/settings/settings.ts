// Settings an administrator changes at run time (charity identity for documents, R2 sampling share).
// Stored as key → JSON in the settings table; defaults apply until set.
import Joi from 'joi';
import { DataTypes, Model, type InferAttributes, type InferCreationAttributes, type Sequelize, type Transaction } from 'sequelize';
import { withTransaction } from '../../db/sequelize.js';
import { parse } from '../../lib/parse.js';
import { defineRoutes } from '../../lib/route.js';
import { ADMINS, ALL_ROLES, type Access } from '../auth/index.js';

export interface Settings {
  charityName: string;
  charityNameLatin: string;
  charityLicence: string;
  charityAddress: string;
  charityPhone: string;
  /** Share of devices passing complete_wipe that an independent person re-checks (R2v3 asks for at least 5 %). */
  verificationSamplePercent: number;
}

export const DEFAULT_SETTINGS: Settings = {
  charityName: 'جمعية نعمة لإعادة تأهيل الحواسيب',
  charityNameLatin: 'Nimah Computer Refurbishing Charity',
  charityLicence: '',
  charityAddress: '',
  charityPhone: '',
  verificationSamplePercent: 5,
};

const settingsPatch = Joi.object<Partial<Settings>>({
  charityName: Joi.string().trim().max(200),
  charityNameLatin: Joi.string().trim().max(200).allow(''),
  charityLicence: Joi.string().trim().max(64).allow(''),
  charityAddress: Joi.string().trim().max(300).allow(''),
  charityPhone: Joi.string().trim().max(40).allow(''),
  verificationSamplePercent: Joi.number().min(0).max(100),
}).min(1);

export class Setting extends Model<InferAttributes<Setting>, InferCreationAttributes<Setting>> {
  declare key: string;
  declare value: string;
}

export function initSettingModels(sequelize: Sequelize): void {
  Setting.init({
    key: { type: DataTypes.STRING(64), primaryKey: true },
    value: { type: DataTypes.TEXT, allowNull: false },
  }, { sequelize, tableName: 'settings', createdAt: false });
}

export async function getSettings(transaction?: Transaction): Promise<Settings> {
  const rows = await Setting.findAll({ transaction });
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return { ...DEFAULT_SETTINGS, ...stored } as Settings;
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  await withTransaction(async (transaction) => {
    for (const [key, value] of Object.entries(patch)) {
      await Setting.upsert({ key, value: JSON.stringify(value) }, { transaction });
    }
  });
  return getSettings();
}

export const settingsRoutes = defineRoutes<Access>([
  { method: 'get', path: '/api/settings', access: ALL_ROLES, handler: async (_req, res) => res.json(await getSettings()) },
  { method: 'patch', path: '/api/settings', access: ADMINS, handler: async (req, res) => res.json(await updateSettings(parse(settingsPatch, req.body))) },
]);
