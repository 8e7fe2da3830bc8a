// The public impact figures (spec §11): aggregate counts by region and by month, read from the read model
// (figures module) on every request, so they are exact on every instance. Off unless an admin sets `publicImpact`.
import { regionFigures, deviceCounts, handoverCounts } from '../figures/index.js';
import { getSettings } from '../settings/index.js';
import { regionByCode } from '../../shared/regions.js';
import type { ImpactMonthDto, ImpactRegionDto, ImpactTotalsDto, PublicImpactDto } from '../../shared/index.js';

/** The last 12 calendar months (UTC), oldest first, as 'YYYY-MM'. */
export function last12Months(now: Date): string[] {
  return Array.from({ length: 12 }, (_, i) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11 + i, 1)).toISOString().slice(0, 7),
  );
}

/** The figures, or undefined while the charity has not opted in. */
export async function publicImpact(now = new Date()): Promise<PublicImpactDto | undefined> {
  const settings = await getSettings();
  if (!settings.publicImpact) return undefined;
  const months = last12Months(now);
  const window = { fromMonth: months[0], toMonth: months[months.length - 1] };
  const [byRegion, devices, handovers] = await Promise.all([
    regionFigures(),
    deviceCounts(window),
    handoverCounts(window),
  ]);
  const regions: ImpactRegionDto[] = byRegion
    .filter((r) => r.handedOver > 0 || r.families + r.students + r.institutions > 0)
    .map((r) => {
      const region = regionByCode(r.regionCode);
      return {
        regionCode: r.regionCode,
        nameAr: region?.nameAr ?? null,
        nameEn: region?.nameEn ?? null,
        nameFr: region?.nameFr ?? null,
        devicesHandedOver: r.handedOver,
        families: r.families,
        students: r.students,
        institutions: r.institutions,
      };
    });
  const totals: ImpactTotalsDto = {
    devicesReceived: 0,
    devicesHandedOver: 0,
    families: 0,
    students: 0,
    institutions: 0,
    drivesSanitized: 0,
    kgDiverted: 0,
    co2eKg: 0,
  };
  for (const r of byRegion) {
    totals.devicesReceived += r.received;
    totals.devicesHandedOver += r.handedOver;
    totals.families += r.families;
    totals.students += r.students;
    totals.institutions += r.institutions;
    totals.drivesSanitized += r.drivesSanitized;
    totals.kgDiverted += r.kgDiverted;
    totals.co2eKg += r.co2eKg;
  }
  totals.kgDiverted = Math.round(totals.kgDiverted);
  totals.co2eKg = Math.round(totals.co2eKg);
  const byMonth = new Map<string, ImpactMonthDto>(
    months.map((month) => [month, { month, devicesReceived: 0, devicesHandedOver: 0, served: 0 }]),
  );
  for (const d of devices) {
    const m = byMonth.get(d.month);
    if (m) m.devicesReceived += d.n;
  }
  for (const h of handovers) {
    const m = byMonth.get(h.month);
    if (m) {
      m.devicesHandedOver += h.handovers;
      m.served += h.served;
    }
  }
  return {
    charity: { nameAr: settings.charityName, nameEn: settings.charityNameLatin },
    totals,
    regions,
    months: [...byMonth.values()],
  };
}
