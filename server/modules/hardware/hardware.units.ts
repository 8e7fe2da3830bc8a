// Unit conversions shared by the parsers.

const GIB = 1024 ** 3;
const UNIT_BYTES: Readonly<Record<string, number>> = {
  b: 1,
  bytes: 1,
  kb: 1024,
  kib: 1024,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  gb: GIB,
  gib: GIB,
  tb: 1024 ** 4,
  tib: 1024 ** 4,
};

/**
 * RAM in GB from a byte count. Memory sizes are binary (8 GB = 8 GiB); totals reported by the kernel miss
 * reserved memory (15.87 GiB on a 16 GB laptop), so they are rounded to the nearest half gigabyte.
 */
export function bytesToRamGb(bytes: number): number | null {
  if (!Number.isFinite(bytes) || bytes <= 0) return null;
  const gb = bytes / GIB;
  return gb >= 1 ? Math.round(gb * 2) / 2 : Math.round(gb * 100) / 100;
}

/** "8 GB", "8192 MB", "16384 kB" (dmidecode memory sizes, binary units) → bytes; null for anything else. */
export function memorySizeToBytes(text: string | undefined): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*$/i.exec(text ?? '');
  if (!match) return null;
  const unit = match[2].toLowerCase();
  return Object.hasOwn(UNIT_BYTES, unit) ? Number(match[1]) * UNIT_BYTES[unit] : null;
}

/** The leading integer of a text such as "2725 (151 234 0)" or "12345h+23m"; null if it has none. */
export function leadingInteger(text: string | undefined): number | null {
  const match = /^\s*(\d{1,15})/.exec(text ?? '');
  return match ? Number(match[1]) : null;
}

/** A whole, non-negative count, or null. */
export function nonNegativeInteger(value: number | undefined | null): number | null {
  return value !== undefined && value !== null && Number.isSafeInteger(value) && value >= 0 ? value : null;
}
