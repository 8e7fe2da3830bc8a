// Sponsors and their stock: list, read, create, and a delivery of bundles (a lot). Bundles leave the stock only
// at handover (connectivity.assign.ts), never through these routes.
import Joi from 'joi';
import { Op } from 'sequelize';
import { withTransaction } from '../../db/sequelize.js';
import { NotFoundError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import { offsetOf, pageQueryKeys, type Page, type PageQuery } from '../../lib/pagination.js';
import type { Actor, Role } from '../auth/index.js';
import { BundleLot, Sponsor } from './connectivity.model.js';
import { mbOf, toLotDto, toSponsorDto, type BundleLotInput, type SponsorInput } from './connectivity.schema.js';
import type { BundleLotDto, SponsorDto } from '../../shared/index.js';

export const sponsorListQuery = Joi.object<PageQuery>({ ...pageQueryKeys });

async function lotsBySponsor(sponsorIds: number[]): Promise<Map<number, BundleLot[]>> {
  const lots = sponsorIds.length
    ? await BundleLot.findAll({ where: { sponsorId: { [Op.in]: sponsorIds } }, order: [['id', 'ASC']] })
    : [];
  const out = new Map<number, BundleLot[]>(sponsorIds.map((id) => [id, []]));
  for (const lot of lots) out.get(lot.sponsorId)!.push(lot);
  return out;
}

export async function listSponsors(q: PageQuery, role: Role): Promise<Page<SponsorDto>> {
  const { rows, count } = await Sponsor.findAndCountAll({
    order: [['id', 'ASC']],
    limit: q.pageSize,
    offset: offsetOf(q),
  });
  const lots = await lotsBySponsor(rows.map((s) => s.id));
  return {
    items: rows.map((s) => toSponsorDto(s, lots.get(s.id)!, role)),
    total: count,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getSponsor(id: number, role: Role): Promise<SponsorDto> {
  const sponsor = await Sponsor.findByPk(id);
  if (!sponsor) throw new NotFoundError(`Sponsor ${id} not found`);
  return toSponsorDto(sponsor, (await lotsBySponsor([id])).get(id)!, role);
}

export async function createSponsor(input: SponsorInput, actor: Actor): Promise<SponsorDto> {
  const sponsor = await withTransaction((transaction) =>
    Sponsor.create(
      {
        name: input.name,
        nameLatin: input.nameLatin ?? null,
        contactPerson: input.contactPerson ?? null,
        phone: input.phone ?? null,
        createdBy: actor.id,
      },
      { transaction },
    ),
  );
  logger.info('sponsor.created', { sponsorId: sponsor.id });
  return toSponsorDto(sponsor, [], actor.role);
}

/** 404 for an unknown sponsor (it is the path). The lot starts with every bundle in stock. */
export async function addLot(sponsorId: number, input: BundleLotInput, actor: Actor): Promise<BundleLotDto> {
  const lot = await withTransaction(async (transaction) => {
    if (!(await Sponsor.count({ where: { id: sponsorId }, transaction })))
      throw new NotFoundError(`Sponsor ${sponsorId} not found`);
    return BundleLot.create(
      {
        sponsorId,
        operator: input.operator,
        dataMb: mbOf(input.dataGb),
        validityDays: input.validityDays,
        received: input.count,
        remaining: input.count,
        createdBy: actor.id,
      },
      { transaction },
    );
  });
  logger.info('bundle_lot.received', { sponsorId, lotId: lot.id, count: input.count });
  return toLotDto(lot);
}
