// Personal data at rest: AES-256-GCM for values we must read back, keyed HMAC-SHA256 for values we only compare.
// Keys come from the ring in lib/pii-key.ts; nothing here ever logs its input.
//
// Format v2: `v2:<key id>:<iv>:<ciphertext>:<tag>` (base64url parts). The key id lets several keys coexist while
// `npm run pii:rotate` moves rows to the current one. The associated data (AAD) names where the value lives, e.g.
// `beneficiaries.national_id:42`: GCM authenticates it, so a ciphertext copied into another row or column does not
// decrypt. Format v1 (`v1:` + base64(iv ‖ tag ‖ ciphertext), no key id, no AAD) is still read, under any ring key.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { keyRing, type PiiKey } from './pii-key.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;

let hashKey: { source: Buffer; derived: Buffer } | undefined;

/**
 * The HMAC key is derived (HKDF) from the ring's hash source rather than being the same bytes: one key, one
 * purpose, so the encryption key never feeds a second primitive. Cached per source.
 */
function macKey(): Buffer {
  const source = keyRing().hashSource;
  if (hashKey?.source !== source) {
    hashKey = { source, derived: Buffer.from(hkdfSync('sha256', source, Buffer.alloc(0), 'nimah:pii-hash:v1', 32)) };
  }
  return hashKey.derived;
}

/** Where a value lives, as the AAD of its ciphertext: `<table>.<column>:<row key>`. */
export const piiContext = (table: string, column: string, rowKey: number | string): string =>
  `${table}.${column}:${rowKey}`;

const b64 = (buf: Buffer): string => buf.toString('base64url');

/** Encrypts under the current key with a fresh random 12-byte IV, binding `aad` (see piiContext). */
export function encryptPii(text: string, aad: string): string {
  const { id, key } = keyRing().current;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return ['v2', id, b64(iv), b64(ciphertext), b64(cipher.getAuthTag())].join(':');
}

function open(key: Buffer, iv: Buffer, ciphertext: Buffer, tag: Buffer, aad?: string): string {
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error('Encrypted value is truncated');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  if (aad !== undefined) decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
}

const ringKeys = (): PiiKey[] => [keyRing().current, ...keyRing().old];

/** The plain text; throws when the value was altered, moved to another place (AAD), or no ring key wrote it. */
export function decryptPii(blob: string, aad: string): string {
  const parts = blob.split(':');
  if (parts[0] === 'v2' && parts.length === 5) {
    const key = ringKeys().find((k) => k.id === parts[1]);
    if (!key) throw new Error(`No configured PII key has id ${parts[1]}`);
    const [iv, ciphertext, tag] = parts.slice(2).map((p) => Buffer.from(p, 'base64url'));
    return open(key.key, iv, ciphertext, tag, aad);
  }
  if (parts[0] === 'v1' && parts.length === 2) return decryptV1(Buffer.from(parts[1], 'base64'));
  throw new Error('Unknown encrypted value format');
}

function decryptV1(raw: Buffer): string {
  if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('Encrypted value is truncated');
  for (const { key } of ringKeys()) {
    try {
      return open(
        key,
        raw.subarray(0, IV_BYTES),
        raw.subarray(IV_BYTES + TAG_BYTES),
        raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES),
      );
    } catch {
      // GCM refuses a wrong key; the next one may be right.
    }
  }
  throw new Error('No configured PII key decrypts this value');
}

/** The key id a value was written with; null for the v1 format, which names none. */
export function piiKeyIdOf(blob: string): string | null {
  const parts = blob.split(':');
  return parts[0] === 'v2' && parts.length === 5 ? parts[1] : null;
}

/** True unless the value is in the current format under the current key (what pii:rotate rewrites). */
export const needsRotation = (blob: string): boolean => piiKeyIdOf(blob) !== keyRing().current.id;

/** Hex HMAC-SHA256: equal inputs give equal hashes (uniqueness, exact lookup) without storing the input. */
export function piiHash(text: string): string {
  return createHmac('sha256', macKey()).update(text, 'utf8').digest('hex');
}
