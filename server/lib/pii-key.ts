// The keys that protect beneficiaries' personal data: a ring with one current key (encrypts), older keys (only
// decrypt, while `npm run pii:rotate` re-encrypts their rows) and the key the lookup hashes are derived from.
// Production refuses to start without PII_KEY; development creates one under DATA_DIR and says so.
//
// The hash key stays put across rotations: a lookup hash must equal the hash stored years ago, and re-hashing would
// need every row's plain text at the same instant as every running server's new key. So PII_HASH_KEY defaults to
// PII_KEY, and once PII_KEYS_OLD is set (a rotation is under way or done) it must be given explicitly, set to the
// key the hashes were made with; forgetting it would silently stop duplicate checks, hence the refusal to start.
import fs from 'node:fs';
import path from 'node:path';
import { createHmac, randomBytes } from 'node:crypto';
import { config } from '../config.js';
import { logger } from './logger.js';

export interface PiiKey {
  id: string;
  key: Buffer;
}
export interface KeyRing {
  current: PiiKey;
  old: PiiKey[];
  hashSource: Buffer;
}
export interface KeyRingInput {
  current: string;
  old?: string[];
  hash?: string;
}

let ring: KeyRing | undefined;

export function decodeKey(text: string): Buffer | undefined {
  const t = text.trim();
  const buf = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  return buf.length === 32 ? buf : undefined;
}

/** 8 hex characters that name a key inside ciphertexts; an HMAC under the key itself, so it reveals nothing. */
export function keyIdOf(key: Buffer): string {
  return createHmac('sha256', key).update('nimah:pii-key-id').digest('hex').slice(0, 8);
}

function decodeOrThrow(text: string, name: string): Buffer {
  const key = decodeKey(text);
  if (!key) throw new Error(`${name} must be 32 bytes, as 64 hex characters or base64`);
  return key;
}

/** Checks and assembles a ring; every message names the variable at fault and never its value. */
export function buildKeyRing(input: KeyRingInput): KeyRing {
  const current = decodeOrThrow(input.current, 'PII_KEY');
  const old = (input.old ?? []).map((k, i) => decodeOrThrow(k, `PII_KEYS_OLD (entry ${i + 1})`));
  if (old.length && !input.hash) {
    throw new Error(
      'PII_HASH_KEY is required when PII_KEYS_OLD is set: give it the key the lookup hashes were made with (the first PII_KEY)',
    );
  }
  const all = [current, ...old].map((key) => ({ id: keyIdOf(key), key }));
  if (new Set(all.map((k) => k.id)).size !== all.length)
    throw new Error('PII_KEY and PII_KEYS_OLD name the same key twice');
  return {
    current: all[0],
    old: all.slice(1),
    hashSource: input.hash ? decodeOrThrow(input.hash, 'PII_HASH_KEY') : current,
  };
}

/** Installs a ring (the server at start; a test that plays a server with another configuration). */
export function useKeyRing(next: KeyRing): void {
  ring = next;
}

function developmentKey(): string {
  const file = path.join(config.dataDir, 'pii.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  fs.writeFileSync(file, key, { mode: 0o600 });
  logger.warn('pii.key_created', { file, hint: 'development only: set PII_KEY in production and back it up' });
  return key;
}

export async function preparePiiKey(): Promise<KeyRing> {
  if (ring) return ring;
  if (!config.piiKey && config.env === 'production') throw new Error('PII_KEY is required when NODE_ENV=production');
  ring = buildKeyRing({
    current: config.piiKey || developmentKey(),
    old: config.piiKeysOld,
    hash: config.piiHashKey || undefined,
  });
  return ring;
}

export function keyRing(): KeyRing {
  if (!ring) throw new Error('preparePiiKey() must run at start');
  return ring;
}
