// The public impact figures (spec §11): aggregate counts by region and by month, read from the read model
// (figures module) on every request, so they are exact on every instance. Off unless an admin sets `publicImpact`.
import { deviceCounts, handoverCounts, monthsEndingAt, regionFigures } from '../figures/index.js';
import { getSettings } from '../settings/index.js';
import {
  addRegionFigures,
  emptyRegionFigures,
  regionByCode,
  roundRegionFigures,
  type ImpactMonthDto,
  type ImpactRegionDto,
  type ImpactTotalsDto,
  type PublicImpactDto,
} from '../../shared/index.js';

/** The figures, or undefined while the charity has not opted in. */
export async function publicImpact(now = new Date()): Promise<PublicImpactDto | undefined> {
  const settings = await getSettings();
  if (!settings.publicImpact) return undefined;
  const months = monthsEndingAt(now);
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
  const sum = roundRegionFigures(byRegion.reduce(addRegionFigures, emptyRegionFigures()));
  const totals: ImpactTotalsDto = {
    devicesReceived: sum.received,
    devicesHandedOver: sum.handedOver,
    families: sum.families,
    students: sum.students,
    institutions: sum.institutions,
    drivesSanitized: sum.drivesSanitized,
    kgDiverted: Math.round(sum.kgDiverted),
    co2eKg: sum.co2eKg,
  };
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
