// Reads of allocation rows for other modules (issue 15, point 1: they call these, never the model). Documents read
// handed-over allocations for certificates: one by id, one by its certificate code, or a programme's in chunks.
import { Op, type WhereOptions } from 'sequelize';
import { Allocation, type AllocationStatus } from './allocations.model.js';

/** An allocation by id, or null. */
export function findAllocation(id: number): Promise<Allocation | null> {
  return Allocation.findByPk(id);
}

/** The handed-over allocation carrying certificate `code`, or null. */
export function handedOverByCertificateCode(code: string): Promise<Allocation | null> {
  return Allocation.findOne({ where: { certificateCode: code, status: 'handed_over' } });
}

/** A handover period: handed over at or after `from`, before `to` (either may be absent). */
export interface HandoverPeriod {
  from?: Date;
  to?: Date;
}

/** Handed-over allocations of the programme whose handover fell in `period`. */
function periodWhere(programmeId: number, period: HandoverPeriod): WhereOptions<Allocation> {
  const handedOverAt: Record<symbol, Date> = {};
  if (period.from) handedOverAt[Op.gte] = period.from;
  if (period.to) handedOverAt[Op.lt] = period.to;
  return { programmeId, status: 'handed_over', ...(period.from || period.to ? { handedOverAt } : {}) };
}

/** How many allocations of the programme were handed over in `period`. */
export function countHandedOver(programmeId: number, period: HandoverPeriod): Promise<number> {
  return Allocation.count({ where: periodWhere(programmeId, period) });
}

// Keyset pagination: the next chunk starts after the last (handed_over_at, id) read, so no OFFSET scan grows.
function keysetAfter(after: { at: Date; id: number } | null): WhereOptions<Allocation> {
  if (!after) return {};
  return { [Op.or]: [{ handedOverAt: { [Op.gt]: after.at } }, { handedOverAt: after.at, id: { [Op.gt]: after.id } }] };
}

/**
 * The next `limit` allocations of the programme handed over in `period`, along the (handed_over_at, id) index after
 * `after` (null: from the start), as plain rows (a batch holds many; instances are heavier).
 */
export function handedOverChunk(
  programmeId: number,
  period: HandoverPeriod,
  after: { at: Date; id: number } | null,
  limit: number,
): Promise<Allocation[]> {
  return Allocation.findAll({
    where: { [Op.and]: [periodWhere(programmeId, period), keysetAfter(after)] },
    order: [
      ['handedOverAt', 'ASC'],
      ['id', 'ASC'],
    ],
    limit,
    raw: true,
  });
}

/** What the SMS channel checks before sending a message about an appointment: is it still the current one? */
export interface CurrentAppointment {
  status: AllocationStatus;
  /** 0 before any appointment was set. */
  version: number;
  at: Date | null;
}

/** The allocation's status and current appointment, or null when there is no such allocation. */
export async function currentAppointmentOf(id: number): Promise<CurrentAppointment | null> {
  const a = await Allocation.findByPk(id, { attributes: ['id', 'status', 'appointmentVersion', 'appointmentAt'] });
  if (!a) return null;
  return {
    status: a.status,
    version: Number(a.appointmentVersion),
    at: a.appointmentAt ? new Date(a.appointmentAt) : null,
  };
}
