// The handover appointment (spec §12): when and where the family collects a reserved device, and what to bring.
// Setting or changing it tells a consenting family (SMS or WhatsApp) and queues a reminder for the day before, both
// in the transaction that writes the appointment. Each change counts `appointmentVersion` up and the messages name
// the version they were written for: the SMS channel refuses (dead-letters) one whose version is no longer current,
// so the reminder of a changed appointment is never sent, while the outbox rows stay as the record of what happened.
import { withTransaction } from '../../db/sequelize.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import type { Actor } from '../auth/index.js';
import { enqueueFamilyMessages, type AppointmentPayload, type FamilyMessage } from '../beneficiaries/index.js';
import { findSite } from '../sites/index.js';
import { Allocation } from './allocations.model.js';
import type { AllocationDto, AppointmentInput } from './allocations.schema.js';
import { getAllocation } from './allocations.service.js';

/** The reminder goes this long before the appointment (when that is still ahead). */
export const REMINDER_BEFORE_MS = 24 * 60 * 60 * 1000;

const sameAppointment = (a: Allocation, input: AppointmentInput): boolean =>
  a.appointmentAt != null &&
  new Date(a.appointmentAt).getTime() === input.at.getTime() &&
  a.appointmentSiteId === input.siteId &&
  a.appointmentBring === input.bring;

/** The appointment message and, when the day before is still ahead, its reminder. */
function messagesFor(payload: AppointmentPayload, now: Date): FamilyMessage[] {
  const { allocationId: id, version } = payload;
  const messages: FamilyMessage[] = [
    { topic: 'sms.handover_appointment', key: `sms:appointment:${id}:v${version}`, payload },
  ];
  const remindAt = new Date(new Date(payload.at).getTime() - REMINDER_BEFORE_MS);
  if (remindAt > now)
    messages.push({
      topic: 'sms.handover_reminder',
      key: `sms:reminder:${id}:v${version}`,
      payload,
      notBefore: remindAt,
    });
  return messages;
}

/**
 * Sets the appointment of reserved allocation `id`: 404 when there is none, 409 INVALID_TRANSITION once handed over
 * or cancelled, 422 REFERENCE_NOT_FOUND for an unknown site. The same appointment again changes nothing and sends
 * nothing.
 */
export async function setAppointment(id: number, input: AppointmentInput, actor: Actor): Promise<AllocationDto> {
  // Sites are never deleted, so reading it before the transaction is safe.
  const site = await findSite(input.siteId);
  if (!site)
    throw new UnprocessableError('REFERENCE_NOT_FOUND', `Site ${input.siteId} does not exist`, [
      { path: 'siteId', message: 'does not exist' },
    ]);
  const version = await withTransaction(async (t) => {
    const allocation = await Allocation.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });
    if (!allocation) throw new NotFoundError(`Allocation ${id} not found`);
    if (allocation.status !== 'reserved')
      throw new ConflictError('INVALID_TRANSITION', `A ${allocation.status} allocation has no handover to arrange`, {
        status: allocation.status,
      });
    if (sameAppointment(allocation, input)) return Number(allocation.appointmentVersion);
    const now = new Date();
    const next = Number(allocation.appointmentVersion) + 1;
    await allocation.update(
      {
        appointmentAt: input.at,
        appointmentSiteId: site.id,
        appointmentBring: input.bring,
        appointmentVersion: next,
        appointmentSetBy: actor.id,
        appointmentSetAt: now,
      },
      { transaction: t },
    );
    const payload: AppointmentPayload = {
      allocationId: id,
      version: next,
      at: input.at.toISOString(),
      siteName: site.name,
      siteNameLatin: site.nameLatin ?? null,
      bring: input.bring,
    };
    await enqueueFamilyMessages(t, allocation.beneficiaryId, messagesFor(payload, now));
    return next;
  });
  logger.info('allocation.appointment_set', { allocationId: id, version });
  return getAllocation(id, actor);
}
