// Sites: list, create, rename; and the existence check other modules use before pointing a row at a site.
import type { Transaction } from 'sequelize';
import { withTransaction } from '../../db/sequelize.js';
import { NotFoundError } from '../../lib/errors.js';
import { Site } from './sites.model.js';
import { toSiteDto, type SiteInput } from './sites.schema.js';
import type { SiteDto } from '../../shared/index.js';

export async function listSites(): Promise<SiteDto[]> {
  return (await Site.findAll({ order: [['id', 'ASC']] })).map(toSiteDto);
}

export async function createSite(input: SiteInput): Promise<SiteDto> {
  return toSiteDto(await withTransaction((transaction) => Site.create(input, { transaction })));
}

export async function updateSite(id: number, input: Partial<SiteInput>): Promise<SiteDto> {
  const site = await Site.findByPk(id);
  if (!site) throw new NotFoundError(`Site ${id} not found`);
  await withTransaction((transaction) => site.update(input, { transaction }));
  return toSiteDto(site);
}

/** Site `id`, or null (other modules read its name for documents). */
export function findSite(id: number): Promise<Site | null> {
  return Site.findByPk(id);
}

/** Whether site `id` exists (read inside the caller's transaction). */
export async function siteExists(id: number, transaction?: Transaction): Promise<boolean> {
  return (await Site.count({ where: { id }, transaction })) > 0;
}
