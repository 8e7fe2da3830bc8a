// Partner organisations (schools, family centres, associations) that refer beneficiaries. Partners are
// organisations, so their own fields are not beneficiary data; what they referred is listed by the beneficiaries module.
import Joi from 'joi';
import { Op, type Transaction, type WhereOptions } from 'sequelize';
import { currentCountry } from '../../lib/country.js';
import { withTransaction } from '../../db/sequelize.js';
import { NotFoundError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import { offsetOf, pageQueryKeys, type Page, type PageQuery } from '../../lib/pagination.js';
import { phoneSchema } from '../../lib/phone.js';
import { containsPattern } from '../../lib/sql.js';
import { Partner, PARTNER_KINDS, type PartnerKind } from './partners.model.js';
import { citySchema, regionCodeSchema } from '../regions/index.js';
import type { PartnerDto, PartnerInput, PartnerPatch } from '../../shared/beneficiaries.js';

const optional = (max: number) => Joi.string().trim().max(max).allow('', null).empty(['', null]);

export type { PartnerDto, PartnerInput, PartnerPatch };
const partnerKeys = {
  name: Joi.string().trim().min(1).max(200),
  nameLatin: optional(200),
  kind: Joi.string().valid(...PARTNER_KINDS),
  city: citySchema,
  regionCode: regionCodeSchema,
  contactPerson: optional(200),
  phone: phoneSchema(currentCountry).allow('', null).empty(['', null]),
  email: Joi.string().trim().lowercase().email({ tlds: false }).max(254).allow('', null).empty(['', null]),
};
export const partnerInput = Joi.object<PartnerInput>({
  ...partnerKeys,
  name: partnerKeys.name.required(),
  kind: partnerKeys.kind.required(),
});
export const partnerPatch = Joi.object<PartnerPatch>(partnerKeys).min(1);

export interface PartnerListQuery extends PageQuery {
  kind?: PartnerKind;
  q?: string;
}
export const partnerListQuery = Joi.object<PartnerListQuery>({
  ...pageQueryKeys,
  kind: Joi.string().valid(...PARTNER_KINDS),
  q: Joi.string().trim().max(100).allow('').empty(''),
});

export const toPartnerDto = (p: Partner): PartnerDto => ({
  id: p.id,
  name: p.name,
  nameLatin: p.nameLatin,
  kind: p.kind,
  city: p.city,
  regionCode: p.regionCode ?? null,
  contactPerson: p.contactPerson,
  phone: p.phone,
  email: p.email,
  createdAt: new Date(p.createdAt).toISOString(),
  updatedAt: new Date(p.updatedAt).toISOString(),
});

export async function createPartner(input: PartnerInput): Promise<PartnerDto> {
  const partner = await withTransaction((transaction) =>
    Partner.create(
      {
        name: input.name,
        nameLatin: input.nameLatin ?? null,
        kind: input.kind,
        city: input.city ?? null,
        regionCode: input.regionCode ?? null,
        contactPerson: input.contactPerson ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
      },
      { transaction },
    ),
  );
  logger.info('partner.created', { partnerId: partner.id });
  return toPartnerDto(partner);
}

export async function updatePartner(id: number, patch: PartnerPatch): Promise<PartnerDto> {
  const partner = await withTransaction(async (transaction) => {
    const found = await Partner.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!found) throw new NotFoundError(`Partner ${id} not found`);
    return found.update(patch, { transaction });
  });
  logger.info('partner.updated', { partnerId: id, fields: Object.keys(patch) });
  return toPartnerDto(partner);
}

export async function listPartners(q: PartnerListQuery): Promise<Page<PartnerDto>> {
  const where: WhereOptions<Partner>[] = [];
  if (q.kind) where.push({ kind: q.kind });
  if (q.q) {
    const like = containsPattern(q.q);
    where.push({ [Op.or]: [{ name: { [Op.like]: like } }, { nameLatin: { [Op.like]: like } }] });
  }
  const { rows, count } = await Partner.findAndCountAll({
    where: { [Op.and]: where },
    order: [
      ['name', 'ASC'],
      ['id', 'ASC'],
    ],
    limit: q.pageSize,
    offset: offsetOf(q),
  });
  return { items: rows.map(toPartnerDto), total: count, page: q.page, pageSize: q.pageSize };
}

/** Partner `id`; 404 when there is none. */
export async function findPartner(id: number): Promise<PartnerDto> {
  const partner = await Partner.findByPk(id);
  if (!partner) throw new NotFoundError(`Partner ${id} not found`);
  return toPartnerDto(partner);
}

/** Whether partner `id` exists (read inside the caller's transaction). */
export async function partnerExists(id: number, transaction?: Transaction): Promise<boolean> {
  return (await Partner.count({ where: { id }, transaction })) > 0;
}

/** Name, city and region of the given partners, in one query (an unknown id is absent). */
export async function partnerSummariesOf(
  ids: readonly number[],
): Promise<Map<number, { name: string; city: string | null; regionCode: string | null }>> {
  if (!ids.length) return new Map();
  const rows = await Partner.findAll({
    where: { id: [...new Set(ids)] },
    attributes: ['id', 'name', 'city', 'regionCode'],
    raw: true,
  });
  return new Map(rows.map((p) => [p.id, { name: p.name, city: p.city ?? null, regionCode: p.regionCode ?? null }]));
}
