// Signed HTTP deliveries (spec §12): `X-Nimah-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
// The timestamp is inside the signed text, so a receiver can refuse a replay older than five minutes. Webhooks and
// the SMS gateway sign the same way.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Nimah-Signature';
/** How old a signature a receiver should still accept. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signBody(secret: string, body: string, at: Date = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/** What a receiver does: true when `header` signs `body` with `secret` and is no older than the tolerance. */
export function verifySignature(secret: string, body: string, header: string, now: Date = new Date()): boolean {
  const parts = new Map(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(v1)) return false;
  if (Math.abs(now.getTime() / 1000 - t) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(v1, 'hex'));
}
