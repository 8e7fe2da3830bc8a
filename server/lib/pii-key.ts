// The key that encrypts beneficiaries' personal data (AES-256-GCM) and keys their lookup hashes.
// Production refuses to start without PII_KEY; development creates one under DATA_DIR and says so.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { config } from '../config.js';
import { logger } from './logger.js';

let key: Buffer | undefined;

export function decodeKey(text: string): Buffer | undefined {
  const t = text.trim();
  const buf = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  return buf.length === 32 ? buf : undefined;
}

export async function preparePiiKey(): Promise<Buffer> {
  if (key) return key;
  if (config.piiKey) {
    key = decodeKey(config.piiKey);
    if (!key) throw new Error('PII_KEY must be 32 bytes, as 64 hex characters or base64');
    return key;
  }
  if (config.env === 'production') throw new Error('PII_KEY is required when NODE_ENV=production');
  const file = path.join(config.dataDir, 'pii.key');
  if (fs.existsSync(file)) {
    key = decodeKey(fs.readFileSync(file, 'utf8'));
    if (!key) throw new Error(`${file} does not hold a 32-byte key`);
    return key;
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  key = randomBytes(32);
  fs.writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  logger.warn('pii.key_created', { file, hint: 'development only: set PII_KEY in production and back it up' });
  return key;
}

export function piiKey(): Buffer {
  if (!key) throw new Error('preparePiiKey() must run at start');
  return key;
}
