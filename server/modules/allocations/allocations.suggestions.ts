// Suggested pairs: the top of the waiting list, each with a ready device that fits their need, best grade
// first. A device is proposed at most once; each pair says why.
import { rankedWaitlist, type Beneficiary } from '../beneficiaries/index.js';
import { readyDevicesOfTypes, type Device } from '../devices/index.js';
import { devicesWithUnwipedDrives } from '../sanitization/index.js';
import type { SuggestionDto } from '../../shared/index.js';

/** A pair and the server's reasons for it: the wire shape, as the client reads it. */
export type Suggestion = SuggestionDto;

const FITS: Record<string, string[]> = {
  laptop: ['laptop'],
  desktop: ['desktop', 'all_in_one'],
  any: ['laptop', 'desktop', 'all_in_one', 'tablet'],
};
const GRADE_ORDER = ['A', 'B', 'C'];

export async function suggestions(limit: number): Promise<{ items: Suggestion[] }> {
  const [{ items: waiting }, ready] = await Promise.all([
    rankedWaitlist({ limit: limit * 3 }),
    readyDevicesOfTypes(FITS.any, 1000),
  ]);
  // The allocation re-checks this; here it keeps unsanitized devices out of the proposals, in one query.
  const unwiped = await devicesWithUnwipedDrives(ready.map((d) => d.id));
  const pool = ready.filter((d) => !unwiped.has(d.id)).sort((a, b) => gradeRank(a.grade) - gradeRank(b.grade));
  const taken = new Set<number>();
  const items: Suggestion[] = [];
  for (const { beneficiary, score, breakdown } of waiting) {
    if (items.length >= limit) break;
    const device = pool.find((d) => !taken.has(d.id) && FITS[beneficiary.need ?? 'any'].includes(d.type));
    if (!device) continue;
    taken.add(device.id);
    items.push({
      beneficiaryId: beneficiary.id,
      deviceId: device.id,
      assetTag: device.assetTag,
      deviceType: device.type,
      grade: device.grade ?? null,
      score,
      reasons: reasonsFor(beneficiary, device, score, breakdown),
    });
  }
  return { items };
}

const gradeRank = (g: string | null | undefined) => (g ? GRADE_ORDER.indexOf(g) : GRADE_ORDER.length);

function reasonsFor(b: Beneficiary, d: Device, score: number, breakdown: Record<string, number>): string[] {
  const top = Object.entries(breakdown)
    .sort((x, y) => y[1] - x[1])
    .filter(([, v]) => v > 0)
    .slice(0, 2)
    .map(([k]) => k);
  return [
    `priority score ${score.toFixed(1)} (mostly ${top.join(' and ') || 'waiting time'})`,
    `needs ${b.need ?? 'any'}: ${d.type} fits`,
    `grade ${d.grade ?? 'ungraded'}, ready since ${new Date(d.statusChangedAt).toISOString().slice(0, 10)}`,
  ];
}
