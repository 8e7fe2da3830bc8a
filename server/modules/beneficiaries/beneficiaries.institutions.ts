// The institutions' list (spec §13): institutions have no family score, so they wait by the day they asked, and
// among those of one day by the devices they asked for. An institution stays on the list while it still needs
// devices (requested − received, every programme, from the read model's handover facts), even once a first batch
// reached it: a school that asked for 120 and received 100 still waits for 20.
// Institutions number in the hundreds, not the hundred thousands: the eligible ones are read as three columns,
// their received counts in one grouped query, and the page is cut in memory.
import { Op } from 'sequelize';
import { offsetOf, type PageQuery } from '../../lib/pagination.js';
import type { Actor } from '../auth/index.js';
import { handoversOf } from '../figures/index.js';
import { toBeneficiaryDto } from './beneficiaries.dto.js';
import { Beneficiary } from './beneficiaries.model.js';
import { WITHOUT_SECRETS } from './beneficiaries.service.js';
import type { BeneficiaryStatus, PriorityBreakdown } from '../../shared/index.js';

/** Verified, and not rejected: an institution can receive batch after batch until its request is met. */
const WAITING: BeneficiaryStatus[] = ['verified', 'waitlisted', 'allocated', 'served'];

const NO_SCORE: PriorityBreakdown = {
  incomePerMember: 0,
  householdSize: 0,
  schoolChildren: 0,
  daysWaiting: 0,
  partnerReferral: 0,
};

export async function institutionWaitlistPage(q: PageQuery, actor: Actor) {
  const eligible = (await Beneficiary.findAll({
    where: { kind: 'institution', status: { [Op.in]: WAITING } },
    attributes: ['id', 'requestedDevices', 'createdAt'],
    order: [
      ['createdAt', 'ASC'],
      ['requestedDevices', 'DESC'],
      ['id', 'ASC'],
    ],
    raw: true,
  })) as unknown as { id: number; requestedDevices: number | null; createdAt: Date | string }[];
  const received = await handoversOf(eligible.map((b) => b.id));
  const waiting = eligible
    .map((b) => ({ ...b, received: received.get(b.id) ?? 0 }))
    .filter((b) => (b.requestedDevices ?? 0) > b.received);
  const offset = offsetOf(q);
  const page = waiting.slice(offset, offset + q.pageSize);
  const rows = page.length
    ? await Beneficiary.findAll({ where: { id: page.map((b) => b.id) }, attributes: WITHOUT_SECRETS })
    : [];
  const byId = new Map(rows.map((b) => [b.id, b]));
  const items = page.flatMap((w, i) => {
    const b = byId.get(w.id);
    if (!b) return [];
    const requested = b.requestedDevices ?? 0;
    return [
      {
        rank: offset + i + 1,
        score: 0,
        breakdown: NO_SCORE,
        beneficiary: toBeneficiaryDto(b, actor.role, w.received),
        institution: {
          requestedDevices: requested,
          devicesReceived: w.received,
          outstanding: Math.max(0, requested - w.received),
          requestedAt: new Date(b.createdAt).toISOString(),
        },
      },
    ];
  });
  return { items, total: waiting.length, page: q.page, pageSize: q.pageSize, weights: null };
}
