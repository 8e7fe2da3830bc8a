// The waitlist: every verified or waitlisted beneficiary, ranked by priority score, paged on the server.
//
// Scores are computed in memory, once per request, over the whole eligible set. The score depends on "now" (days
// waiting), so a stored score would be stale by tomorrow, and the SQL for it would differ between SQLite and
// MySQL. Only the six columns the score needs are read for the set, as raw rows (building 20,000 model instances
// costs about a second; raw rows a small fraction of that), and full rows are then read for the requested page only.
import { offsetOf, type PageQuery } from '../../lib/pagination.js';
import type { Actor } from '../auth/index.js';
import { toBeneficiaryDto, type BeneficiaryDto, type BeneficiaryRedactedDto } from './beneficiaries.dto.js';
import { ELIGIBLE_STATUSES, type Need } from './beneficiaries.lifecycle.js';
import { Beneficiary } from './beneficiaries.model.js';
import { priorityScore, type PriorityBreakdown, type PriorityResult } from './beneficiaries.priority.js';
import { priorityWeights, rankEligible, scoreInputOf, type RankingOptions } from './beneficiaries.ranking.js';
import { WITHOUT_SECRETS } from './beneficiaries.service.js';
import type { WaitlistItemDto as SharedWaitlistItemDto } from '../../shared/index.js';

export interface RankedBeneficiary {
  beneficiary: Beneficiary;
  score: number;
  breakdown: PriorityBreakdown;
  /** The ranking's bonus points included in `score` (a programme's committee points; 0 on the charity's list). */
  bonus: number;
}
export interface WaitlistOptions {
  limit: number;
  offset?: number;
  /** The kind of device on offer: `laptop` ranks those who need a laptop or anything; `any` (or none) ranks all. */
  need?: Need;
  /** A programme's list (modules/selection): its kinds, weights, eligibility and committee points. */
  ranking?: RankingOptions;
}

export { priorityWeights, type RankingOptions };

export function beneficiaryPriority(b: Beneficiary, now = new Date()): PriorityResult {
  return priorityScore({ ...scoreInputOf(b), appliedAt: new Date(b.createdAt) }, priorityWeights(), now);
}

function needsFor(need: Need | undefined): Need[] | undefined {
  return need && need !== 'any' ? [need, 'any'] : undefined;
}

export async function rankedWaitlist(
  options: WaitlistOptions,
  now = new Date(),
): Promise<{ items: RankedBeneficiary[]; total: number }> {
  const needs = needsFor(options.need);
  const ranked = await rankEligible(needs, now, undefined, options.ranking);
  const offset = options.offset ?? 0;
  const page = ranked.slice(offset, offset + options.limit);
  const rows = page.length
    ? await Beneficiary.findAll({ where: { id: page.map((r) => r.id) }, attributes: WITHOUT_SECRETS })
    : [];
  const byId = new Map(rows.map((b) => [b.id, b]));
  // A row that left the waitlist between the two reads is dropped from the page rather than shown stale.
  const items = page.flatMap((r) => {
    const beneficiary = byId.get(r.id);
    return beneficiary && ELIGIBLE_STATUSES.includes(beneficiary.status)
      ? [{ beneficiary, score: r.score, breakdown: r.breakdown, bonus: r.bonus }]
      : [];
  });
  return { items, total: ranked.length };
}

export type WaitlistItemDto = SharedWaitlistItemDto<BeneficiaryDto | BeneficiaryRedactedDto>;

export async function waitlistPage(q: PageQuery & { need?: Need }, actor: Actor) {
  const offset = offsetOf(q);
  const { items, total } = await rankedWaitlist({ limit: q.pageSize, offset, need: q.need });
  const dtos: WaitlistItemDto[] = items.map((item, i) => ({
    rank: offset + i + 1,
    score: item.score,
    breakdown: item.breakdown,
    beneficiary: toBeneficiaryDto(item.beneficiary, actor.role),
  }));
  return { items: dtos, total, page: q.page, pageSize: q.pageSize, weights: priorityWeights() };
}
