// Password hashing with scrypt (node:crypto), stored as scrypt$N$r$p$salt$hash: each hash carries its own
// parameters, so they can be raised and older hashes still verify (and are rehashed at their next sign-in).
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );

/**
 * OWASP's current minimum for scrypt (Password Storage Cheat Sheet): N=2^17, r=8, p=1. One hash needs 128·N·r bytes
 * (128 MiB) and about 0.2–0.5 s of one core; node's default maxmem (32 MiB) refuses it, so maxmem is given: twice
 * the need, which also lets a stored hash with up to twice the cost verify. Hashes run on libuv's thread pool
 * (4 threads by default), so at most 4 × 128 MiB at once.
 */
export const SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEYLEN = 32;
const maxmemFor = (N: number, r: number) => 2 * 128 * N * r;
/** Stored parameters beyond these are refused rather than computed (a broken row must not take the server's memory). */
const MAX_N = 2 ** 18,
  MAX_R = 16,
  MAX_P = 4;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p } = SCRYPT;
  const key = await scrypt(password, salt, KEYLEN, { N, r, p, maxmem: maxmemFor(N, r) });
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface Parsed {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

function parse(stored: string): Parsed | undefined {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  const [N, R, P] = [Number(n), Number(r), Number(p)];
  if (scheme !== 'scrypt' || !salt || !hash) return undefined;
  if (![N, R, P].every(Number.isInteger) || N < 2 || N > MAX_N || R < 1 || R > MAX_R || P < 1 || P > MAX_P)
    return undefined;
  return { N, r: R, p: P, salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || parsed.hash.length === 0) return false;
  const { N, r, p, salt, hash } = parsed;
  const key = await scrypt(password, salt, hash.length, { N, r, p, maxmem: maxmemFor(N, r) });
  return timingSafeEqual(key, hash);
}

/** True when the stored hash was made with other parameters than today's: rehash it once the password is known. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  return (
    !parsed || parsed.N !== SCRYPT.N || parsed.r !== SCRYPT.r || parsed.p !== SCRYPT.p || parsed.hash.length !== KEYLEN
  );
}

/** A hash to compare against when the account does not exist, at today's cost, so timing does not reveal which emails exist. */
export const DUMMY_HASH = `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;
