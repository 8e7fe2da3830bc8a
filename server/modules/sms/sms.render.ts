// The texts of messages to families (spec §12), in Arabic, French and English: short (an Arabic SMS part holds 70
// characters), in plain words, with the date and time in the charity's time zone as the language writes them.
// A family that named a language gets that one; otherwise Saudi families get Arabic and Moroccan ones French then
// Arabic. Pure: no database; the payload is checked here and a missing field named.
import {
  FAMILY_MESSAGE_TOPICS,
  type ApplicationReceivedPayload,
  type AppointmentPayload,
  type FamilyMessageTopic,
  type WaitlistPlacePayload,
} from '../beneficiaries/index.js';
import { PermanentDeliveryError } from '../outbox/index.js';
import type { ContactLanguage } from '../../shared/index.js';
import { timeZoneOf, type Country } from '../../lib/time-zone.js';

export type { Country };

/** The languages of a family's messages, in the order they are written. */
export function languagesFor(chosen: ContactLanguage | null, country: Country): ContactLanguage[] {
  if (chosen) return [chosen];
  return country === 'MA' ? ['fr', 'ar'] : ['ar'];
}

// Latin digits and the Gregorian calendar named explicitly, as on the documents: ar-SA's defaults differ between
// ICU versions.
const LOCALES: Readonly<Record<ContactLanguage, (country: Country) => string>> = {
  ar: (country) => (country === 'MA' ? 'ar-MA-u-ca-gregory-nu-latn' : 'ar-SA-u-ca-gregory-nu-latn'),
  fr: () => 'fr-FR',
  en: () => 'en-GB',
};

/** `Monday 15 March at 10:30` / `lundi 15 mars à 10:30` / `الاثنين، 15 مارس في 10:30 ص`; the year only when not this one. */
export function formatAppointmentDate(at: Date, language: ContactLanguage, country: Country, now = new Date()): string {
  const timeZone = timeZoneOf(country);
  const year = (d: Date) => new Intl.DateTimeFormat('en', { year: 'numeric', timeZone }).format(d);
  return new Intl.DateTimeFormat(LOCALES[language](country), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(year(at) !== year(now) ? { year: 'numeric' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(at);
}

interface AppointmentText {
  date: string;
  site: string;
  bring: string;
}

interface ApplicationText {
  reference: string;
  programme: string;
}

const TEXTS: Readonly<
  Record<
    ContactLanguage,
    {
      waitlist: (place: number) => string;
      appointment: (a: AppointmentText) => string;
      reminder: (a: AppointmentText) => string;
      application: (a: ApplicationText) => string;
    }
  >
> = {
  ar: {
    waitlist: (place) =>
      `تم تسجيلكم في قائمة الانتظار لاستلام جهاز حاسب، وترتيبكم الحالي ${place}. سنراسلكم عند تحديد موعد الاستلام.`,
    appointment: (a) => `موعد استلام جهازكم: ${a.date}، المكان: ${a.site}. يرجى إحضار: ${a.bring}.`,
    reminder: (a) => `تذكير بموعد استلام جهازكم: ${a.date}، المكان: ${a.site}. يرجى إحضار: ${a.bring}.`,
    application: (a) => `استلمنا طلبكم في برنامج ${a.programme}. مرجع الطلب: ${a.reference}. سنراسلكم بعد دراسته.`,
  },
  fr: {
    waitlist: (place) =>
      `Vous êtes inscrits sur la liste d'attente pour un ordinateur, au rang ${place} aujourd'hui. Nous vous écrirons pour fixer la remise.`,
    appointment: (a) => `Remise de votre ordinateur : ${a.date}, ${a.site}. Merci d'apporter : ${a.bring}.`,
    reminder: (a) => `Rappel, remise de votre ordinateur : ${a.date}, ${a.site}. Merci d'apporter : ${a.bring}.`,
    application: (a) =>
      `Nous avons reçu votre demande pour le programme ${a.programme}. Référence : ${a.reference}. Nous vous écrirons après son examen.`,
  },
  en: {
    waitlist: (place) =>
      `You are on the waiting list for a computer, in place ${place} today. We will message you when a handover date is set.`,
    appointment: (a) => `Your computer handover: ${a.date}, ${a.site}. Please bring: ${a.bring}.`,
    reminder: (a) => `Reminder, your computer handover: ${a.date}, ${a.site}. Please bring: ${a.bring}.`,
    application: (a) =>
      `We have received your application to the ${a.programme} programme. Reference: ${a.reference}. We will write once it is reviewed.`,
  },
};

export function isFamilyMessageTopic(topic: string): topic is FamilyMessageTopic {
  return (FAMILY_MESSAGE_TOPICS as readonly string[]).includes(topic);
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
const isInstant = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(new Date(v).getTime());

/** Throws PermanentDeliveryError naming every field of `payload` that is missing or unusable. */
function assertFields(
  topic: string,
  payload: Record<string, unknown>,
  checks: Record<string, (v: unknown) => boolean>,
) {
  const missing = Object.entries(checks)
    .filter(([field, ok]) => !ok(payload[field]))
    .map(([field]) => field);
  if (missing.length)
    throw new PermanentDeliveryError(`The ${topic} payload is missing or has unusable ${missing.join(', ')}`);
}

export function waitlistPayload(topic: string, payload: Record<string, unknown>): WaitlistPlacePayload {
  assertFields(topic, payload, { place: isCount });
  return payload as unknown as WaitlistPlacePayload;
}

export function applicationPayload(topic: string, payload: Record<string, unknown>): ApplicationReceivedPayload {
  assertFields(topic, payload, { reference: isText, programmeName: isText });
  return payload as unknown as ApplicationReceivedPayload;
}

export function appointmentPayload(topic: string, payload: Record<string, unknown>): AppointmentPayload {
  assertFields(topic, payload, {
    allocationId: isCount,
    version: isCount,
    at: isInstant,
    siteName: isText,
    bring: isText,
  });
  return payload as unknown as AppointmentPayload;
}

/** The text of one message in `languages` (one paragraph each), from its checked payload. */
export function renderText(
  topic: FamilyMessageTopic,
  payload: Record<string, unknown>,
  languages: readonly ContactLanguage[],
  country: Country,
  now = new Date(),
): string {
  return languages
    .map((language) => {
      const texts = TEXTS[language];
      if (topic === 'sms.waitlist_place') return texts.waitlist(waitlistPayload(topic, payload).place);
      if (topic === 'sms.application_received') {
        const a = applicationPayload(topic, payload);
        const programme = language === 'ar' ? a.programmeName : a.programmeNameLatin || a.programmeName;
        return texts.application({ reference: a.reference, programme });
      }
      const p = appointmentPayload(topic, payload);
      const fields: AppointmentText = {
        date: formatAppointmentDate(new Date(p.at), language, country, now),
        site: language === 'ar' ? p.siteName : p.siteNameLatin || p.siteName,
        bring: p.bring,
      };
      return topic === 'sms.handover_reminder' ? texts.reminder(fields) : texts.appointment(fields);
    })
    .join('\n');
}
