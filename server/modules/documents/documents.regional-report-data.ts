// What the regional report prints (spec §11: a report for public partners, Arabic + English): one page per
// region with its figures and 12 months of intake and handovers. The figures are read by the reports module and
// handed in; this file names them and words the notes (the job is documents.regional-report-job.ts). Counts only.
import { config } from '../../config.js';
import { formatNumber, type Bilingual } from './documents.format.js';
import { ASSUMED_WEIGHT_KG, CO2E_SOURCE } from './documents.donor-receipt-impact.js';
import { ltr } from '../../lib/pdf/index.js';
import type { RegionFiguresDto } from '../../shared/index.js';

export interface RegionalReportPage {
  region: { code: string; nameAr: string; nameEn: string };
  figures: RegionFiguresDto;
  /** Oldest first, 12 months (YYYY-MM, UTC). */
  months: ReadonlyArray<{ month: string; intake: number; handovers: number }>;
}

export interface RegionalReportData {
  issuedAt: Date;
  pages: readonly RegionalReportPage[];
}

export const REGIONAL_TITLE: Bilingual = { ar: 'التقرير الإقليمي', en: 'Regional Report' };

const MONTH_AR = new Intl.DateTimeFormat('ar-SA-u-ca-gregory-nu-latn', { month: 'long', timeZone: 'UTC' });
const MONTH_EN = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });

/** `2026-01` → `{ ar: 'يناير', en: 'Jan' }` (Gregorian months in both languages). */
export function monthName(month: string): Bilingual {
  const [year, m] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, m - 1, 15));
  return { ar: MONTH_AR.format(date), en: MONTH_EN.format(date) };
}

/** `2025-12 – 2026-11`: the period the chart covers, in ISO months (read the same in both languages). */
export function periodOf(months: readonly string[]): string {
  return months.length ? ltr(`${months[0]} – ${months[months.length - 1]}`) : '—';
}

const kg = (n: number): string => `${formatNumber(n)} kg`;

/** How each figure was made, printed under the chart of every page. */
export function regionalNotes(): Bilingual[] {
  const w = ASSUMED_WEIGHT_KG;
  const f = config.co2eKg;
  return [
    {
      ar: 'تُنسب الأجهزة والأقراص والأوزان والانبعاثات إلى منطقة الموقع الذي يحفظها، ويُنسب التسليم والمستفيدون (الأسر والطلاب والجهات) إلى منطقة المستفيد عند التسليم (أو منطقة الموقع إن لم تُسجَّل له منطقة)، ويُعدّ كل مستفيد مرة واحدة. يذكر هذا التقرير الأعداد فقط ولا يذكر أي اسم.',
      en: "Devices, drives, weights and CO2e count in the region of the site that holds them; handovers and beneficiaries (families, students, institutions) in the beneficiary's region at handover (the site's when none was recorded), each beneficiary once. This report gives counts only, never a name.",
    },
    {
      ar: `الوزن المحوَّل = أوزان جهات التدوير المسجلة + وزن تقديري لكل جهاز سُلّم (محمول ${ltr(kg(w.laptop))}، مكتبي ${ltr(kg(w.desktop))}). الانبعاثات المتجنَّبة تقدير للأجهزة المسلَّمة فقط: ${ltr(`${f.laptop} kg CO2e`)} للمحمول و${ltr(`${f.desktop}`)} للمكتبي.`,
      en: `Weight diverted = recyclers' recorded weights + an assumed weight per placed device (laptop ${kg(w.laptop)}, desktop ${kg(w.desktop)}). CO2e avoided is an estimate for placed devices only: ${f.laptop} kg per laptop, ${f.desktop} per desktop. ${CO2E_SOURCE}`,
    },
  ];
}
