// Sites: warehouses and branches. Small enough for one file: model, schema, routes.
import Joi from 'joi';
import {
  DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize,
} from 'sequelize';
import { withTransaction } from '../../db/sequelize.js';
import { NotFoundError } from '../../lib/errors.js';
import { parse } from '../../lib/parse.js';
import { defineRoutes } from '../../lib/route.js';
import { ADMINS, ALL_ROLES, idParams, type Access } from '../auth/index.js';
import type { SiteDto } from '../../shared/api-types.js';

export class Site extends Model<InferAttributes<Site>, InferCreationAttributes<Site>> {
  declare id: CreationOptional<number>;
  declare code: string;
  declare name: string;
  declare nameLatin: string | null;
  declare city: string | null;
}

export function initSiteModels(sequelize: Sequelize): void {
  Site.init({
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    code: { type: DataTypes.STRING(32), allowNull: false, unique: true },
    name: { type: DataTypes.STRING(200), allowNull: false },
    nameLatin: { type: DataTypes.STRING(200), allowNull: true },
    city: { type: DataTypes.STRING(100), allowNull: true },
  }, { sequelize, tableName: 'sites' });
}

const toSiteDto = (s: Site): SiteDto => ({ id: s.id, code: s.code, name: s.name, nameLatin: s.nameLatin, city: s.city });

const optional = (max: number) => Joi.string().trim().max(max).allow('', null).empty(['', null]);
const siteKeys = {
  code: Joi.string().trim().uppercase().pattern(/^[A-Z0-9-]{2,32}$/, { name: 'siteCode.format' }).message('{{#label}} must be 2 to 32 letters, digits or hyphens'),
  name: Joi.string().trim().min(1).max(200), nameLatin: optional(200), city: optional(100),
};
const siteInput = Joi.object({ ...siteKeys, code: siteKeys.code.required(), name: siteKeys.name.required() });
const sitePatch = Joi.object(siteKeys).min(1);

export const siteRoutes = defineRoutes<Access>([
  { method: 'get', path: '/api/sites', access: ALL_ROLES, handler: async (_req, res) => res.json((await Site.findAll({ order: [['id', 'ASC']] })).map(toSiteDto)) },
  {
    method: 'post', path: '/api/sites', access: ADMINS,
    handler: async (req, res) => {
      const input = parse(siteInput, req.body);
      res.status(201).json(toSiteDto(await withTransaction((transaction) => Site.create(input, { transaction }))));
    },
  },
  {
    method: 'patch', path: '/api/sites/:id', access: ADMINS,
    handler: async (req, res) => {
      const { id } = parse(idParams, req.params);
      const input = parse(sitePatch, req.body);
      const site = await Site.findByPk(id);
      if (!site) throw new NotFoundError(`Site ${id} not found`);
      await withTransaction((transaction) => site.update(input, { transaction }));
      res.json(toSiteDto(site));
    },
  },
]);
