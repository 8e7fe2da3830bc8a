// What an email message carries (composed by its producer when it is queued), checked when it is rendered. A payload
// that cannot make its email never will: it fails with PermanentDeliveryError naming the field, so the outbox puts it
// with the dead letters at once instead of retrying it until the last try.
import Joi from 'joi';
import type { Language } from '../../shared/index.js';
import { PermanentDeliveryError } from '../outbox/index.js';

export const EMAIL_TOPICS = ['donation.received', 'donation.closed', 'statement.ready'] as const;
export type EmailTopic = (typeof EMAIL_TOPICS)[number];
export const EMAIL_LANGUAGES: readonly Language[] = ['ar', 'en', 'fr'];

export interface EmailPayload {
  language: Language;
  donorName: string;
  donationCode?: string;
  receiptUrl?: string;
  donorPageUrl?: string;
  statementUrl?: string;
  year?: number;
  deviceCount?: number;
  unsubscribeUrl: string;
}

/** What each topic cannot do without, on top of language, donorName and unsubscribeUrl. */
const NEEDS: Readonly<Record<EmailTopic, readonly (keyof EmailPayload)[]>> = {
  'donation.received': ['donationCode'],
  'donation.closed': ['donationCode', 'receiptUrl'],
  'statement.ready': ['statementUrl', 'year'],
};

// A link goes into an href: only http(s), so a payload can never carry javascript: or data: into a donor's mailbox.
const link = Joi.string()
  .trim()
  .max(2000)
  .uri({ scheme: ['http', 'https'] });

const base = Joi.object<EmailPayload>({
  language: Joi.string()
    .valid(...EMAIL_LANGUAGES)
    .required(),
  donorName: Joi.string().trim().min(1).max(200).required(),
  donationCode: Joi.string().trim().min(1).max(40),
  receiptUrl: link,
  donorPageUrl: link,
  statementUrl: link,
  year: Joi.number().integer().min(2000).max(2100),
  deviceCount: Joi.number().integer().min(0).max(1_000_000),
  unsubscribeUrl: link.required(),
}).unknown(true);

const schemas = new Map(
  EMAIL_TOPICS.map((topic) => [topic, base.fork([...NEEDS[topic]], (field) => field.required())] as const),
);

export const isEmailTopic = (topic: string): topic is EmailTopic => (EMAIL_TOPICS as readonly string[]).includes(topic);

/** The payload of `topic`, checked; PermanentDeliveryError naming the first field at fault otherwise. */
export function parseEmailPayload(topic: string, payload: unknown): EmailPayload {
  if (!isEmailTopic(topic)) throw new PermanentDeliveryError(`no email is written for the topic "${topic}"`);
  const { value, error } = schemas.get(topic)!.validate(payload ?? {}, { abortEarly: true, convert: true });
  if (error) {
    const detail = error.details[0];
    const field = ['payload', ...detail.path].join('.');
    // Never the value: it can be a donor's name.
    throw new PermanentDeliveryError(
      detail.type === 'any.required'
        ? `${field} is missing (${topic} needs it)`
        : `${field} is invalid: ${detail.message.replace(/"[^"]*"/, 'it')}`,
    );
  }
  return value;
}
