// Results that many requests may share for a short, stated time: one computation per key at a time, served for at
// most `maxAgeMs` after it began, and never once `generation()` has moved (a write committed since). The age bound
// holds for every answer: there is no serving of an old value while a new one is computed.
export interface SharedResultsOptions {
  /** 0 turns sharing off: every call computes. */
  maxAgeMs: number;
  maxKeys: number;
  /** A number that changes whenever the data behind the results may have changed. */
  generation: () => number;
}

export type SharedResults<V> = (key: string, compute: () => Promise<V>) => Promise<V>;

export function sharedResults<V>({ maxAgeMs, maxKeys, generation }: SharedResultsOptions): SharedResults<V> {
  const entries = new Map<string, { startedAt: number; generation: number; value: Promise<V> }>();
  return (key, compute) => {
    const now = Date.now();
    const current = generation();
    const hit = entries.get(key);
    if (hit && hit.generation === current && now - hit.startedAt < maxAgeMs) return hit.value;
    const value = compute();
    entries.delete(key);
    if (maxAgeMs <= 0) return value;
    if (entries.size >= maxKeys) entries.delete(entries.keys().next().value as string);
    // The age counts from when the computation began: the answer reflects the data at that moment or later.
    entries.set(key, { startedAt: now, generation: current, value });
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    return value;
  };
}
