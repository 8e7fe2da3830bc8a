// What the bench database holds, decided up front and deterministically (one seeded PRNG), so two runs at the
// same volume seed the same rows. Pure: no database, no server code (only the shared wire types).
import type { DeviceStatus } from '../server/shared/index.js';

export interface Volumes {
  devices: number;
  events: number;
  beneficiaries: number;
  donors: number;
}

/** The reference volume is 100,000 devices; everything else keeps the same proportions. */
export function volumesFor(devices: number): Volumes {
  return {
    devices,
    events: devices * 6,
    beneficiaries: Math.round(devices / 5),
    donors: Math.max(10, Math.round(devices / 50)),
  };
}

export type Status = DeviceStatus;

/** mulberry32: small, fast, good enough to spread test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)];

function weighted<T extends string>(rand: () => number, table: Readonly<Record<T, number>>): T {
  const entries = Object.entries(table) as [T, number][];
  let r = rand() * entries.reduce((n, [, w]) => n + w, 0);
  for (const [k, w] of entries) {
    r -= w;
    if (r < 0) return k;
  }
  return entries[entries.length - 1][0];
}

// Devices received in the last 90 days are mostly still in the workshop; older ones have mostly left it.
const RECENT: Partial<Record<Status, number>> = {
  intake: 35,
  repair: 15,
  wipe: 15,
  refurbish: 10,
  ready: 15,
  allocated: 5,
  handed_over: 3,
  disposal: 2,
};
const OLDER: Partial<Record<Status, number>> = {
  intake: 2,
  repair: 2,
  wipe: 3,
  refurbish: 3,
  ready: 20,
  allocated: 1,
  handed_over: 18,
  disposal: 5,
  recycled: 34,
  harvested: 12,
};

export function statusFor(rand: () => number, ageDays: number): Status {
  return weighted(rand, (ageDays <= 90 ? RECENT : OLDER) as Record<Status, number>);
}

export interface Step {
  type: string;
  to: Status | null;
}

/** The status events that bring a device from intake to `status`; a share of devices took a repair detour. */
export function statusPath(status: Status, viaRepair: boolean): Step[] {
  const steps: Step[] = [{ type: 'intake', to: 'intake' }];
  if (status === 'intake') return steps;
  if (status === 'repair') return [...steps, { type: 'triage', to: 'repair' }];
  steps.push(viaRepair ? { type: 'triage', to: 'repair' } : { type: 'triage', to: 'wipe' });
  if (viaRepair) steps.push({ type: 'repair', to: 'wipe' });
  if (status === 'wipe') return steps;
  if (['disposal', 'recycled', 'harvested'].includes(status)) {
    steps.push({ type: 'complete_wipe', to: 'disposal' });
    if (status === 'recycled') steps.push({ type: 'recycle', to: 'recycled' });
    if (status === 'harvested') steps.push({ type: 'harvest', to: 'harvested' });
    return steps;
  }
  steps.push({ type: 'complete_wipe', to: 'refurbish' });
  if (status === 'refurbish') return steps;
  steps.push({ type: 'refurbish', to: 'ready' });
  if (status === 'ready') return steps;
  steps.push({ type: 'allocate', to: 'allocated' });
  if (status === 'allocated') return steps;
  steps.push({ type: 'handover', to: 'handed_over' });
  return steps;
}

/** Past the wipe: the device's drives have passed sanitization records. */
export const wiped = (status: Status): boolean => !['intake', 'repair', 'wipe'].includes(status);

const DAY_MS = 86_400_000;

/**
 * Times of `count` events starting at `start`: gaps of hours to days, squeezed proportionally when the last one
 * would fall after `now`.
 */
export function eventTimes(rand: () => number, start: number, count: number, now: number): Date[] {
  const times = [start];
  for (let i = 1; i < count; i += 1) times.push(times[i - 1] + Math.round((0.05 + rand() * rand() * 12) * DAY_MS));
  const last = times[times.length - 1];
  const limit = now - 60_000;
  if (last > limit && count > 1) {
    const scale = Math.max(0, limit - start) / (last - start);
    for (let i = 1; i < count; i += 1) times[i] = start + Math.round((times[i] - start) * scale) + i;
  }
  return times.map((t) => new Date(t));
}

/** A Saudi national ID (10 digits, leading 1, Luhn check digit) unique per n. */
export function saudiId(n: number): string {
  const body = `1${String(10_000_000 + n)
    .padStart(8, '0')
    .slice(-8)}`;
  for (let check = 0; check <= 9; check += 1) {
    const id = body + check;
    let sum = 0;
    for (let i = 0; i < id.length; i += 1) {
      let d = id.charCodeAt(id.length - 1 - i) - 48;
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    if (sum % 10 === 0) return id;
  }
  throw new Error('unreachable');
}

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** A certificate code (10 characters) unique per n: "BC" and n in base 31. */
export function certificateCode(n: number): string {
  let out = '';
  for (let v = n; out.length < 8; v = Math.floor(v / CODE_ALPHABET.length))
    out = CODE_ALPHABET[v % CODE_ALPHABET.length] + out;
  return `BC${out}`;
}
