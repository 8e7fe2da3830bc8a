// The read side: every figure is a sum over a few counter rows (joined to `sites` for a device's region), fresh on
// every call and on every instance. Nothing is cached in the process.
import { config } from '../../config.js';
import { emptyRegionFigures, WORKSHOP_STATUSES, type RegionFiguresDto } from '../../shared/index.js';
import { sqlTime } from '../../lib/sql.js';
import { select } from './figures.tables.js';

/**
 * Typical weights in kg: a 14-15" laptop, a small-form-factor desktop tower without monitor, a 22-24" all-in-one, a
 * 10" tablet, a 6" smartphone.
 */
export const ASSUMED_WEIGHT_KG: Readonly<Record<string, number>> = {
  laptop: 2.0,
  desktop: 7.5,
  all_in_one: 8.0,
  tablet: 0.6,
  phone: 0.2,
  monitor: 4.5,
  other: 3.0,
};

/** Desktops and all-in-ones share the desktop factor; tablets, phones, monitors and others the "other" one. */
export function co2eFactorFor(type: string): { group: 'laptop' | 'desktop' | 'other'; kg: number } {
  if (type === 'laptop') return { group: 'laptop', kg: config.co2eKg.laptop };
  if (type === 'desktop' || type === 'all_in_one') return { group: 'desktop', kg: config.co2eKg.desktop };
  return { group: 'other', kg: config.co2eKg.other };
}

/** The workshop's statuses: what the figures count as "in workshop". */
export const IN_WORKSHOP = WORKSHOP_STATUSES;

export interface FigureFilters {
  programmeId?: number;
  regionCode?: string;
  siteId?: number;
  /** Inclusive 'YYYY-MM' bounds of the months counted (intake month of devices, month of handovers). */
  fromMonth?: string;
  toMonth?: string;
  /** Instants bounding the stage spans that ended in the period. */
  from?: Date;
  to?: Date;
}

interface Clause {
  sql: string;
  replacements: Record<string, unknown>;
}

/** WHERE clauses over a table aliased `f` with a `site_id`, joined to `sites s`. */
function siteClauses(f: FigureFilters, regionOfSite = true): string[] {
  const where: string[] = [];
  if (f.siteId !== undefined) where.push('f.site_id = :siteId');
  if (f.regionCode !== undefined && regionOfSite) where.push('s.region_code = :regionCode');
  return where;
}

function devicesWhere(f: FigureFilters): Clause {
  const where = siteClauses(f);
  if (f.fromMonth) where.push('f.intake_month >= :fromMonth');
  if (f.toMonth) where.push('f.intake_month <= :toMonth');
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', replacements: { ...f } };
}

function handoversWhere(f: FigureFilters): Clause {
  const where = siteClauses(f, false);
  if (f.regionCode !== undefined) where.push('f.region_code = :regionCode');
  if (f.programmeId !== undefined) where.push('f.programme_id = :programmeId');
  if (f.fromMonth) where.push('f.month >= :fromMonth');
  if (f.toMonth) where.push('f.month <= :toMonth');
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', replacements: { ...f } };
}

const num = (v: unknown): number => Number(v ?? 0);

/** Devices by status × type × intake month (filtered by site, region and intake months). */
export async function deviceCounts(
  f: FigureFilters = {},
): Promise<Array<{ status: string; type: string; month: string; n: number }>> {
  const w = devicesWhere(f);
  const rows = await select<{ status: string; type: string; month: string; n: unknown }>(
    `SELECT f.status AS status, f.type AS type, f.intake_month AS month, SUM(f.n) AS n
       FROM figure_devices f LEFT JOIN sites s ON s.id = f.site_id ${w.sql}
      GROUP BY f.status, f.type, f.intake_month`,
    w.replacements,
  );
  return rows.map((r) => ({ ...r, n: num(r.n) })).filter((r) => r.n !== 0);
}

/**
 * What the dashboard shows of devices, summed in the database: counts by status and type (status totals, placed
 * devices by type for kg and CO2e), and intake by month over `window`. Two small grouped answers instead of a row
 * per status × type × month (~1,200 at 100,000 devices, ~10 ms of parsing per view).
 */
export async function deviceSummary(
  f: FigureFilters,
  window: { fromMonth: string; toMonth: string },
): Promise<{
  byStatusAndType: Array<{ status: string; type: string; n: number }>;
  intakeByMonth: Map<string, number>;
}> {
  const all = devicesWhere(f);
  const months = devicesWhere({ ...f, ...window });
  const [byStatusAndType, byMonth] = await Promise.all([
    select<{ status: string; type: string; n: unknown }>(
      `SELECT f.status AS status, f.type AS type, SUM(f.n) AS n
         FROM figure_devices f LEFT JOIN sites s ON s.id = f.site_id ${all.sql} GROUP BY f.status, f.type`,
      all.replacements,
    ),
    select<{ month: string; n: unknown }>(
      `SELECT f.intake_month AS month, SUM(f.n) AS n
         FROM figure_devices f LEFT JOIN sites s ON s.id = f.site_id ${months.sql} GROUP BY f.intake_month`,
      months.replacements,
    ),
  ]);
  return {
    byStatusAndType: byStatusAndType.map((r) => ({ status: r.status, type: r.type, n: num(r.n) })),
    intakeByMonth: new Map(byMonth.map((r) => [r.month, num(r.n)])),
  };
}

/** The exact number of devices with one of `statuses` (all when empty), at a site and of a type when given. */
export async function deviceTotal(q: {
  statuses?: readonly string[];
  siteId?: number;
  type?: string;
}): Promise<number> {
  const where: string[] = [];
  if (q.statuses?.length) where.push('status IN (:statuses)');
  if (q.siteId !== undefined) where.push('site_id = :siteId');
  if (q.type !== undefined) where.push('type = :type');
  const [row] = await select<{ n: unknown }>(
    `SELECT SUM(n) AS n FROM figure_devices ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
    { statuses: q.statuses ? [...q.statuses] : [], siteId: q.siteId, type: q.type },
  );
  return num(row?.n);
}

/** Handovers and beneficiaries served, by month and beneficiary kind. */
export async function handoverCounts(
  f: FigureFilters = {},
): Promise<Array<{ month: string; kind: string; handovers: number; served: number }>> {
  const w = handoversWhere(f);
  const rows = await select<{ month: string; kind: string; handovers: unknown; served: unknown }>(
    `SELECT f.month AS month, f.beneficiary_kind AS kind, SUM(f.handovers) AS handovers, SUM(f.served) AS served
       FROM figure_handovers f ${w.sql} GROUP BY f.month, f.beneficiary_kind`,
    w.replacements,
  );
  return rows.map((r) => ({ month: r.month, kind: r.kind, handovers: num(r.handovers), served: num(r.served) }));
}

/** Drives sanitized and recycled kg at the filtered sites (not bounded by months: they carry no date). */
export async function siteTotals(f: FigureFilters = {}): Promise<{ drivesSanitized: number; recycledKg: number }> {
  const where = siteClauses(f);
  const [row] = await select<{ drives: unknown; kg: unknown }>(
    `SELECT SUM(f.drives_sanitized) AS drives, SUM(f.recycled_kg) AS kg
       FROM figure_sites f LEFT JOIN sites s ON s.id = f.site_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
    { ...f },
  );
  return { drivesSanitized: num(row?.drives), recycledKg: num(row?.kg) };
}

/** kg diverted (recorded recycled weight + assumed weight of each placed device) and CO2e avoided (placed only). */
export function impactOf(placedByType: ReadonlyArray<{ type: string; n: number }>, recycledKg: number) {
  let assumed = 0;
  let co2e = 0;
  for (const { type, n } of placedByType) {
    assumed += n * (ASSUMED_WEIGHT_KG[type] ?? ASSUMED_WEIGHT_KG.other);
    co2e += n * co2eFactorFor(type).kg;
  }
  const round = (x: number) => Math.round(x * 10) / 10;
  return { kgDiverted: round(recycledKg + assumed), co2eKg: round(co2e) };
}

const STAGE_SECONDS_PER_DAY = 86_400;

/**
 * The median length in days of each stage among the spans that ended in [from, to), at the filtered sites: per
 * stage, a count over the (stage, left_at, seconds) index, then the middle one or two lengths by ORDER BY … LIMIT
 * OFFSET, all stages in one statement each (the dashboard's 90 days: ~15 ms at 100,000 devices, where one
 * window-function query over 365 days took 330 ms); no event is read. `stages` are the stages asked for.
 */
export async function medianDaysPerStage(
  f: FigureFilters & { from: Date; to: Date; stages: readonly string[] },
): Promise<Map<string, number>> {
  if (!f.stages.length) return new Map();
  const window = ['f.left_at >= :from', 'f.left_at < :to', ...siteClauses(f)].join(' AND ');
  const from = `figure_stage_spans f ${f.regionCode !== undefined ? 'JOIN sites s ON s.id = f.site_id' : ''}`;
  const base = { ...f, from: sqlTime(f.from), to: sqlTime(f.to), stages: [...f.stages] };
  // Two round trips whatever the number of stages: the counts, then every stage's middle one or two lengths.
  const counts = await select<{ stage: string; n: unknown }>(
    `SELECT f.stage AS stage, COUNT(*) AS n FROM ${from} WHERE f.stage IN (:stages) AND ${window} GROUP BY f.stage`,
    base,
  );
  const present = counts.map((c) => ({ stage: c.stage, n: num(c.n) })).filter((c) => c.n > 0);
  if (!present.length) return new Map();
  const middles = await select<{ stage: string; seconds: unknown }>(
    present
      .map(
        ({ n }, i) =>
          `SELECT * FROM (SELECT f.stage AS stage, f.seconds AS seconds FROM ${from}
             WHERE f.stage = :stage${i} AND ${window}
             ORDER BY f.seconds LIMIT ${n % 2 ? 1 : 2} OFFSET ${Math.floor((n - 1) / 2)}) m${i}`,
      )
      .join(' UNION ALL '),
    { ...base, ...Object.fromEntries(present.map((c, i) => [`stage${i}`, c.stage])) },
  );
  const medians = new Map<string, number>();
  for (const { stage } of present) {
    const middle = middles.filter((m) => m.stage === stage).map((m) => num(m.seconds));
    const seconds = middle.reduce((sum, x) => sum + x, 0) / middle.length;
    medians.set(stage, Math.round((seconds / STAGE_SECONDS_PER_DAY) * 100) / 100);
  }
  return medians;
}

/** One region's figures (server/shared RegionFiguresDto) and its code, or null for what has no region yet. */
export interface RegionFigures extends RegionFiguresDto {
  regionCode: string | null;
}

/** The 'YYYY-MM' of the `count` calendar months (UTC) ending with the one of `now`, oldest first. */
export function monthsEndingAt(now: Date, count = 12): string[] {
  return Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - count + 1 + i, 1)).toISOString().slice(0, 7),
  );
}

/**
 * One row per region with any figure (spec §11). Device figures (received, in workshop, ready, drives, kg, CO2e)
 * are by the region of the device's site now; handovers and people served by the beneficiary's region at handover
 * (the site's when the beneficiary had none). `programmeId` bounds the handover figures; the months bound intake
 * (received and what became of it) and handovers; `regionCode` and `siteId` bound all of them as on the dashboard.
 */
export async function regionFigures(f: FigureFilters = {}): Promise<RegionFigures[]> {
  const dw = devicesWhere(f);
  const hw = handoversWhere(f);
  const sw = siteClauses(f);
  const [devices, handovers, sites] = await Promise.all([
    select<{ region: string | null; status: string; type: string; n: unknown }>(
      `SELECT s.region_code AS region, f.status AS status, f.type AS type, SUM(f.n) AS n
         FROM figure_devices f LEFT JOIN sites s ON s.id = f.site_id ${dw.sql}
        GROUP BY s.region_code, f.status, f.type`,
      dw.replacements,
    ),
    select<{ region: string; kind: string; viaPartner: unknown; handovers: unknown; served: unknown }>(
      `SELECT f.region_code AS region, f.beneficiary_kind AS kind, CASE WHEN f.partner_id <> 0 THEN 1 ELSE 0 END AS viaPartner,
              SUM(f.handovers) AS handovers, SUM(f.served) AS served
         FROM figure_handovers f ${hw.sql}
        GROUP BY f.region_code, f.beneficiary_kind, CASE WHEN f.partner_id <> 0 THEN 1 ELSE 0 END`,
      hw.replacements,
    ),
    select<{ region: string | null; drives: unknown; kg: unknown }>(
      `SELECT s.region_code AS region, SUM(f.drives_sanitized) AS drives, SUM(f.recycled_kg) AS kg
         FROM figure_sites f LEFT JOIN sites s ON s.id = f.site_id ${sw.length ? `WHERE ${sw.join(' AND ')}` : ''}
        GROUP BY s.region_code`,
      { ...f },
    ),
  ]);
  const rows = new Map<string, RegionFigures & { placed: Array<{ type: string; n: number }>; recycledKg: number }>();
  const row = (region: string | null) => {
    const code = region || null;
    const id = code ?? '';
    let r = rows.get(id);
    if (!r) {
      r = {
        regionCode: code,
        ...emptyRegionFigures(),
        placed: [],
        recycledKg: 0,
      };
      rows.set(id, r);
    }
    return r;
  };
  for (const d of devices) {
    const n = num(d.n);
    if (!n) continue;
    const r = row(d.region);
    r.received += n;
    if ((IN_WORKSHOP as readonly string[]).includes(d.status)) r.inWorkshop += n;
    if (d.status === 'ready') r.ready += n;
    if (d.status === 'handed_over') r.placed.push({ type: d.type, n });
  }
  for (const h of handovers) {
    if (!num(h.handovers)) continue;
    const r = row(h.region);
    r.handedOver += num(h.handovers);
    if (h.kind === 'family') {
      r.families += num(h.served);
      if (num(h.viaPartner)) r.familiesThroughPartners += num(h.served);
    } else if (h.kind === 'student') r.students += num(h.served);
    else if (h.kind === 'institution') {
      r.institutions += num(h.served);
      r.devicesToInstitutions += num(h.handovers);
    }
  }
  for (const s of sites) {
    if (!num(s.drives) && !num(s.kg)) continue;
    const r = row(s.region);
    r.drivesSanitized += num(s.drives);
    r.recycledKg += num(s.kg);
  }
  return [...rows.values()]
    .map(({ placed, recycledKg, ...r }) => ({ ...r, ...impactOf(placed, recycledKg) }))
    .sort((a, b) => (a.regionCode ?? '~').localeCompare(b.regionCode ?? '~'));
}

/** Devices handed over to each of `beneficiaryIds` so far, every programme (an institution's "received"). */
export async function handoversOf(beneficiaryIds: readonly number[]): Promise<Map<number, number>> {
  if (!beneficiaryIds.length) return new Map();
  const rows = await select<{ beneficiary_id: number; n: number | string }>(
    `SELECT beneficiary_id, COUNT(*) AS n FROM figure_handover_facts WHERE beneficiary_id IN (:ids)
      GROUP BY beneficiary_id`,
    { ids: [...beneficiaryIds] },
  );
  return new Map(rows.map((r) => [Number(r.beneficiary_id), Number(r.n)]));
}

/**
 * Served through each partner association, by the region of the people served (the handover facts' partner is the
 * beneficiary's referring partner, fixed at handover), filtered like the dashboard. Partner names are joined by the
 * caller; custody counts are read live from the devices (an indexed count per partner).
 */
export async function partnerFigures(
  f: FigureFilters = {},
): Promise<Array<{ partnerId: number; regionCode: string | null; kind: string; handovers: number; served: number }>> {
  const w = handoversWhere(f);
  const rows = await select<{ partnerId: number; region: string; kind: string; handovers: unknown; served: unknown }>(
    `SELECT f.partner_id AS partnerId, f.region_code AS region, f.beneficiary_kind AS kind,
            SUM(f.handovers) AS handovers, SUM(f.served) AS served
       FROM figure_handovers f ${w.sql ? `${w.sql} AND` : 'WHERE'} f.partner_id <> 0
      GROUP BY f.partner_id, f.region_code, f.beneficiary_kind`,
    w.replacements,
  );
  return rows.map((r) => ({
    partnerId: Number(r.partnerId),
    regionCode: r.region || null,
    kind: r.kind,
    handovers: num(r.handovers),
    served: num(r.served),
  }));
}

/** Devices in each partner's custody now (ready to hand on, or reserved for one of its families). */
export async function custodyCounts(): Promise<Map<number, number>> {
  const rows = await select<{ partnerId: number; n: unknown }>(
    `SELECT custody_partner_id AS partnerId, COUNT(*) AS n FROM devices
      WHERE custody_partner_id IS NOT NULL AND status IN ('ready', 'allocated') GROUP BY custody_partner_id`,
    {},
  );
  return new Map(rows.map((r) => [Number(r.partnerId), num(r.n)]));
}
