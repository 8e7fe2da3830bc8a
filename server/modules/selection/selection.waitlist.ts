// A programme's own waiting list (spec §14): the verified or waitlisted beneficiaries who pass its eligibility,
// ranked by its weights plus its committee's points, paged like GET /api/waitlist. The ranking is the registry's
// (rankedWaitlist in the beneficiaries module) with the programme's kinds, weights, a filter and a bonus: one query
// reads the whole candidate set, one the committee's scores, then the page's rows and its application references.
import { offsetOf } from '../../lib/pagination.js';
import type { Actor } from '../auth/index.js';
import {
  charityToday,
  priorityWeights,
  rankedWaitlist,
  toBeneficiaryDto,
  type BeneficiaryDto,
  type BeneficiaryRedactedDto,
} from '../beneficiaries/index.js';
import { eligibilityOf, findProgramme, weightsOf, type Programme } from '../programmes/index.js';
import {
  BENEFICIARY_KINDS,
  type CommitteeScoreDto,
  type ProgrammeWaitlistDto,
  type ProgrammeWaitlistItemDto,
  type ProgrammeWeights,
} from '../../shared/index.js';
import { committeeScoresOf } from './selection.committee.js';
import { ELIGIBILITY_RULES, eligibilityFailures, type EligibilityRule } from './selection.eligibility.js';
import { ProgrammeApplication } from './selection.model.js';
import type { ProgrammeWaitlistQuery } from './selection.schema.js';

/** The programme's weights, or the country's (PRIORITY_WEIGHTS included) with no committee share. */
export const programmeWeights = (p: Programme): ProgrammeWeights =>
  weightsOf(p) ?? { ...priorityWeights(), committee: 0 };

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Points for a committee score (0–10): committee × score / 10; 0 unless the programme scores by committee. */
export const committeePoints = (p: Programme, weights: ProgrammeWeights, score: number | undefined): number =>
  p.committeeScoring && score != null ? round2((weights.committee * score) / 10) : 0;

export type ProgrammeWaitlistPage = Omit<ProgrammeWaitlistDto, 'items'> & {
  items: ProgrammeWaitlistItemDto<BeneficiaryDto | BeneficiaryRedactedDto>[];
};

export async function programmeWaitlist(
  programmeId: number,
  q: ProgrammeWaitlistQuery,
  actor: Actor,
  now = new Date(),
): Promise<ProgrammeWaitlistPage> {
  const programme = await findProgramme(programmeId);
  const eligibility = eligibilityOf(programme);
  const weights = programmeWeights(programme);
  const scores: Map<number, CommitteeScoreDto> = programme.committeeScoring
    ? await committeeScoresOf(programmeId)
    : new Map();
  const today = charityToday(now);
  const excluded: Record<EligibilityRule, number> = Object.fromEntries(ELIGIBILITY_RULES.map((r) => [r, 0])) as Record<
    EligibilityRule,
    number
  >;
  const offset = offsetOf(q);
  const { items, total } = await rankedWaitlist(
    {
      limit: q.pageSize,
      offset,
      need: q.need,
      ranking: {
        kinds: BENEFICIARY_KINDS,
        weights,
        filter: (row) => {
          const failures = eligibilityFailures(row, eligibility, today);
          for (const f of failures) excluded[f.rule] += 1;
          return failures.length === 0;
        },
        bonus: (id) => committeePoints(programme, weights, scores.get(id)?.score),
      },
    },
    now,
  );
  const references = items.length
    ? await ProgrammeApplication.findAll({
        where: { programmeId, beneficiaryId: items.map((i) => i.beneficiary.id) },
        attributes: ['beneficiaryId', 'reference'],
        raw: true,
      })
    : [];
  const referenceOf = new Map(references.map((r) => [r.beneficiaryId, r.reference]));
  return {
    programmeId,
    items: items.map((item, i) => ({
      rank: offset + i + 1,
      score: item.score,
      breakdown: { ...item.breakdown, committee: item.bonus },
      committeeScore: scores.get(item.beneficiary.id) ?? null,
      beneficiary: toBeneficiaryDto(item.beneficiary, actor.role),
      applicationReference: referenceOf.get(item.beneficiary.id) ?? null,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
    weights,
    eligibility,
    excluded,
  };
}
