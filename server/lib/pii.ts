// Personal data at rest: AES-256-GCM for values we must read back, keyed HMAC-SHA256 for values we only compare.
// Both use the PII key (lib/pii-key.ts); neither ever logs its input.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { piiKey } from './pii-key.js';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

let hashKey: { source: Buffer; derived: Buffer } | undefined;

/**
 * The HMAC key is derived from the PII key (HKDF) rather than being the same bytes: one key, one purpose, so the
 * encryption key never feeds a second primitive. Cached per PII key.
 */
function macKey(): Buffer {
  const source = piiKey();
  if (hashKey?.source !== source) {
    hashKey = { source, derived: Buffer.from(hkdfSync('sha256', source, Buffer.alloc(0), 'nimah:pii-hash:v1', 32)) };
  }
  return hashKey.derived;
}

/** `v1:` + base64(iv ‖ tag ‖ ciphertext); a fresh random 12-byte IV for every value. */
export function encryptPii(text: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', piiKey(), iv);
  const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64')}`;
}

/** The plain text of an `encryptPii` value; throws when the value was altered or another key wrote it. */
export function decryptPii(blob: string): string {
  const [version, payload] = blob.split(':', 2);
  if (version !== VERSION || !payload) throw new Error('Unknown encrypted value format');
  const raw = Buffer.from(payload, 'base64');
  if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('Encrypted value is truncated');
  const decipher = createDecipheriv('aes-256-gcm', piiKey(), raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}

/** Hex HMAC-SHA256: equal inputs give equal hashes (uniqueness, exact lookup) without storing the input. */
export function piiHash(text: string): string {
  return createHmac('sha256', macKey()).update(text, 'utf8').digest('hex');
}
