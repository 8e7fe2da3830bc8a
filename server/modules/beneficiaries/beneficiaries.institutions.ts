// The institutions' list (spec §13): institutions have no family score, so they wait by the day they asked, and
// among those of one day by the devices they asked for. Outstanding = requested − received (every programme, from
// the read model's handover facts).
import { QueryTypes } from 'sequelize';
import { getSequelize } from '../../db/sequelize.js';
import { offsetOf, type PageQuery } from '../../lib/pagination.js';
import type { Actor } from '../auth/index.js';
import { toBeneficiaryDto } from './beneficiaries.dto.js';
import { ELIGIBLE_STATUSES } from './beneficiaries.lifecycle.js';
import { handoversOf } from '../figures/index.js';
import { Beneficiary } from './beneficiaries.model.js';
import { WITHOUT_SECRETS } from './beneficiaries.service.js';
import type { PriorityBreakdown } from '../../shared/index.js';

const NO_SCORE: PriorityBreakdown = {
  incomePerMember: 0,
  householdSize: 0,
  schoolChildren: 0,
  daysWaiting: 0,
  partnerReferral: 0,
};

/**
 * One page of eligible institutions, oldest request first. The order and the received counts are one indexed query
 * (beneficiaries by kind, status and creation; allocations by beneficiary); only the page's rows are then read whole.
 */
export async function institutionWaitlistPage(q: PageQuery, actor: Actor) {
  const sequelize = getSequelize();
  const replacements = { statuses: [...ELIGIBLE_STATUSES], limit: q.pageSize, offset: offsetOf(q) };
  const [ranked, [{ n }]] = await Promise.all([
    sequelize.query<{ id: number }>(
      `SELECT id FROM beneficiaries WHERE kind = 'institution' AND status IN (:statuses)
        ORDER BY created_at, requested_devices DESC, id LIMIT :limit OFFSET :offset`,
      { replacements, type: QueryTypes.SELECT },
    ),
    sequelize.query<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM beneficiaries WHERE kind = 'institution' AND status IN (:statuses)`,
      { replacements, type: QueryTypes.SELECT },
    ),
  ]);
  const ids = ranked.map((r) => r.id);
  const [rows, receivedBy] = await Promise.all([
    ids.length ? Beneficiary.findAll({ where: { id: ids }, attributes: WITHOUT_SECRETS }) : [],
    handoversOf(ids),
  ]);
  const byId = new Map(rows.map((b) => [b.id, b]));
  const items = ranked.flatMap((r, i) => {
    const b = byId.get(r.id);
    if (!b) return [];
    const received = receivedBy.get(r.id) ?? 0;
    const requested = b.requestedDevices ?? 0;
    return [
      {
        rank: replacements.offset + i + 1,
        score: 0,
        breakdown: NO_SCORE,
        beneficiary: toBeneficiaryDto(b, actor.role, received),
        institution: {
          requestedDevices: requested,
          devicesReceived: received,
          outstanding: Math.max(0, requested - received),
          requestedAt: new Date(b.createdAt).toISOString(),
        },
      },
    ];
  });
  return { items, total: Number(n), page: q.page, pageSize: q.pageSize, weights: null };
}
