// Messages to families (spec §12): SMS or WhatsApp through the gateway, only to a family that agreed to be contacted
// (`contactConsent`). Each is an outbox row written in the transaction of the change it reports; the SMS channel
// (modules/sms) reads the phone at send time, checks consent again and renders the text from the payload. The
// payload therefore holds what the text needs and nothing personal: never the phone, never the name.
//
// Topics and payloads are defined here, next to the consent they depend on: the beneficiaries module writes the
// waiting-list message, the allocations module the appointment and its reminder, the selection module the
// acknowledgement of an application to a programme; the SMS module reads them all.
import type { Transaction } from 'sequelize';
import { enqueue } from '../outbox/index.js';
import { ELIGIBLE_STATUSES, type BeneficiaryStatus } from './beneficiaries.lifecycle.js';
import { Beneficiary } from './beneficiaries.model.js';
import { rankEligible } from './beneficiaries.ranking.js';

export const FAMILY_MESSAGE_TOPICS = [
  'sms.waitlist_place',
  'sms.handover_appointment',
  'sms.handover_reminder',
  'sms.application_received',
] as const;
export type FamilyMessageTopic = (typeof FAMILY_MESSAGE_TOPICS)[number];

/** `sms.waitlist_place`: the family's place on the waiting list when they entered it (1 = next in line). */
export interface WaitlistPlacePayload {
  place: number;
}

/**
 * `sms.handover_appointment` and `sms.handover_reminder`: the appointment as it was set. `version` names it: at send
 * time a message whose version is no longer the allocation's current one is dead-lettered, not sent.
 */
export interface AppointmentPayload {
  allocationId: number;
  version: number;
  /** ISO 8601. */
  at: string;
  siteName: string;
  siteNameLatin: string | null;
  bring: string;
}

/**
 * `sms.application_received`: the reference of an application to a programme through its public form, and the
 * programme's names (spec §14).
 */
export interface ApplicationReceivedPayload {
  reference: string;
  programmeName: string;
  programmeNameLatin: string | null;
}

export type FamilyMessage =
  | { topic: 'sms.application_received'; key: string; payload: ApplicationReceivedPayload; notBefore?: Date }
  | { topic: 'sms.waitlist_place'; key: string; payload: WaitlistPlacePayload; notBefore?: Date }
  | {
      topic: 'sms.handover_appointment' | 'sms.handover_reminder';
      key: string;
      payload: AppointmentPayload;
      notBefore?: Date;
    };

/**
 * Queues `messages` to beneficiary `beneficiaryId` in `transaction` when the family agreed to be contacted (read in
 * the same transaction), and nothing otherwise. Returns how many were queued (a key queued before is skipped).
 */
export async function enqueueFamilyMessages(
  transaction: Transaction,
  beneficiary: number | Pick<Beneficiary, 'id' | 'contactConsent'>,
  messages: readonly FamilyMessage[],
): Promise<number> {
  const b =
    typeof beneficiary === 'number'
      ? await Beneficiary.findByPk(beneficiary, { attributes: ['id', 'contactConsent'], transaction })
      : beneficiary;
  if (!b?.contactConsent || !messages.length) return 0;
  return enqueue(
    transaction,
    messages.map((m) => ({
      channel: 'sms' as const,
      topic: m.topic,
      key: m.key,
      recipient: String(b.id),
      payload: { ...m.payload },
      notBefore: m.notBefore,
    })),
  );
}

/**
 * When a status change puts `b` on the waiting list (from a status off it to verified or waitlisted: verification,
 * or a cancelled reservation), tells a consenting family their place in it, as the waitlist ranks it now (everyone
 * eligible, whatever device they need). Moving from verified to waitlisted is no new entry and sends nothing.
 * `entryId` (the audit row of the change) makes the key unique per entry.
 */
export async function messageWaitlistEntry(
  b: Beneficiary,
  from: BeneficiaryStatus,
  to: BeneficiaryStatus,
  entryId: number,
  transaction: Transaction,
): Promise<void> {
  if (!b.contactConsent || ELIGIBLE_STATUSES.includes(from) || !ELIGIBLE_STATUSES.includes(to)) return;
  const ranked = await rankEligible(undefined, new Date(), transaction);
  const place = ranked.findIndex((r) => r.id === b.id) + 1;
  if (place === 0) return;
  await enqueueFamilyMessages(transaction, b, [
    { topic: 'sms.waitlist_place', key: `sms:waitlist:${b.id}:${entryId}`, payload: { place } },
  ]);
}
