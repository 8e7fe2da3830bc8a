// What a partner organisation referred: its beneficiaries, counted by status, through toBeneficiaryDto like
// every other beneficiary list.
import Joi from 'joi';
import { offsetOf, pageQueryKeys, type Page, type PageQuery } from '../../lib/pagination.js';
import { listOf } from '../../lib/parse.js';
import type { Actor } from '../auth/index.js';
import { findPartner, type PartnerDto } from '../partners/index.js';
import { toBeneficiaryDto, type BeneficiaryDto, type BeneficiaryRedactedDto } from './beneficiaries.dto.js';
import { BENEFICIARY_STATUSES, type BeneficiaryStatus } from './beneficiaries.lifecycle.js';
import { Beneficiary } from './beneficiaries.model.js';
import { WITHOUT_SECRETS } from './beneficiaries.service.js';

export interface ReferralsQuery extends PageQuery {
  status?: BeneficiaryStatus[];
}
export const referralsQuery = Joi.object<ReferralsQuery>({
  ...pageQueryKeys,
  status: listOf(BENEFICIARY_STATUSES) as Joi.Schema<BeneficiaryStatus[]>,
});

export interface ReferralsDto extends Page<BeneficiaryDto | BeneficiaryRedactedDto> {
  partner: PartnerDto;
  countsByStatus: Record<BeneficiaryStatus, number>;
}

async function countsByStatus(partnerId: number): Promise<Record<BeneficiaryStatus, number>> {
  const rows = await Beneficiary.count({ where: { partnerId }, group: ['status'] });
  const counts = Object.fromEntries(BENEFICIARY_STATUSES.map((s) => [s, 0])) as Record<BeneficiaryStatus, number>;
  for (const r of rows) counts[r.status as BeneficiaryStatus] = Number(r.count);
  return counts;
}

export async function partnerReferrals(id: number, q: ReferralsQuery, actor: Actor): Promise<ReferralsDto> {
  const partner = await findPartner(id);
  const where = { partnerId: id, ...(q.status?.length ? { status: q.status } : {}) };
  const { rows, count } = await Beneficiary.findAndCountAll({
    where,
    attributes: WITHOUT_SECRETS,
    order: [['id', 'DESC']],
    limit: q.pageSize,
    offset: offsetOf(q),
  });
  return {
    partner,
    countsByStatus: await countsByStatus(id),
    items: rows.map((b) => toBeneficiaryDto(b, actor.role)),
    total: count,
    page: q.page,
    pageSize: q.pageSize,
  };
}
