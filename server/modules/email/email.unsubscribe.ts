// The unsubscribe link of every donor email (RFC 8058 one-click): `<PUBLIC_URL>/unsubscribe/<donorId>.<lang>.<mac>`.
// Nothing is stored per link: the MAC (HMAC-SHA256, 128 bits shown) proves the server made it, so nobody can stop
// another donor's emails by changing the number, and a link keeps working for as long as the key does. The key is
// derived (HKDF, its own purpose string) from the PII key ring's hash source, which stays put when PII keys are
// rotated (lib/pii-key.ts), so no new secret has to be configured and a rotation does not break old links. The
// language only chooses the page's words; it is signed with the id so that a link cannot be altered at all.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { config } from '../../config.js';
import { keyRing } from '../../lib/pii-key.js';
import type { Language } from '../../shared/index.js';
import { EMAIL_LANGUAGES } from './email.payload.js';

const PURPOSE = 'nimah:email-unsubscribe:v1';
const MAC_CHARS = 22; // base64url characters: 132 bits
const TOKEN = /^([1-9][0-9]{0,9})\.(ar|en|fr)\.([A-Za-z0-9_-]{22})$/;

let derived: { source: Buffer; key: Buffer } | undefined;

function tokenKey(): Buffer {
  const source = keyRing().hashSource;
  if (derived?.source !== source) {
    derived = { source, key: Buffer.from(hkdfSync('sha256', source, Buffer.alloc(0), PURPOSE, 32)) };
  }
  return derived.key;
}

const macOf = (donorId: number, language: Language): string =>
  createHmac('sha256', tokenKey()).update(`${donorId}.${language}`).digest('base64url').slice(0, MAC_CHARS);

export function unsubscribeToken(donorId: number, language: Language = 'ar'): string {
  if (!Number.isSafeInteger(donorId) || donorId < 1 || donorId > 9_999_999_999) {
    throw new RangeError('donorId must be a positive integer');
  }
  if (!EMAIL_LANGUAGES.includes(language)) throw new RangeError('language must be ar, en or fr');
  return `${donorId}.${language}.${macOf(donorId, language)}`;
}

/** The donor's one-click unsubscribe link; its page speaks `language` (default Arabic). */
export function unsubscribeUrl(donorId: number, language: Language = 'ar'): string {
  return `${config.publicUrl}/unsubscribe/${unsubscribeToken(donorId, language)}`;
}

/** The donor and language a link names, or null when the server did not make it. */
export function readUnsubscribeToken(token: string): { donorId: number; language: Language } | null {
  const m = TOKEN.exec(token);
  if (!m) return null;
  const donorId = Number(m[1]);
  const language = m[2] as Language;
  const expected = Buffer.from(macOf(donorId, language));
  const given = Buffer.from(m[3]);
  return timingSafeEqual(expected, given) ? { donorId, language } : null;
}
