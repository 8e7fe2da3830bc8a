// What the regional report prints (spec §11: a report for public partners, Arabic + English or French, `?lang=`): one
// page per region with its figures and 12 months of intake and handovers. The figures are read by the reports module
// and handed in; this file names them and words the notes (the job is documents.regional-report-job.ts). Counts only.
import { config } from '../../config.js';
import { type Bilingual } from './documents.format.js';
import { ASSUMED_WEIGHT_KG, CO2E_SOURCE, CO2E_SOURCE_FR } from './documents.donor-receipt-impact.js';
import { messages, numberIn, type MessageLanguage } from './documents.messages.js';
import { ltr } from '../../lib/pdf/index.js';
import type { RegionFiguresDto } from '../../shared/index.js';

export interface RegionalReportPage {
  region: { code: string; nameAr: string; nameEn: string; nameFr: string };
  figures: RegionFiguresDto;
  /** Oldest first, 12 months (YYYY-MM, UTC). */
  months: ReadonlyArray<{ month: string; intake: number; handovers: number }>;
}

export interface RegionalReportData {
  issuedAt: Date;
  pages: readonly RegionalReportPage[];
}

export const REGIONAL_TITLE: Bilingual = { ar: 'التقرير الإقليمي', en: 'Regional Report', fr: 'Rapport régional' };

const MONTH_AR = new Intl.DateTimeFormat('ar-SA-u-ca-gregory-nu-latn', { month: 'long', timeZone: 'UTC' });
const MONTH_EN = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });
const MONTH_FR = new Intl.DateTimeFormat('fr-MA', { month: 'short', timeZone: 'UTC' });

/** `2026-01` → `{ ar: 'يناير', en: 'Jan', fr: 'janv.' }` (Gregorian months in the three languages). */
export function monthName(month: string): Required<Bilingual> {
  const [year, m] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, m - 1, 15));
  return { ar: MONTH_AR.format(date), en: MONTH_EN.format(date), fr: MONTH_FR.format(date) };
}

/** `2025-12 – 2026-11`: the period the chart covers, in ISO months (read the same in both languages). */
export function periodOf(months: readonly string[]): string {
  return months.length ? ltr(`${months[0]} – ${months[months.length - 1]}`) : '—';
}

const kg = (language: MessageLanguage, n: number): string => {
  const text = `${numberIn(language, n)} kg`;
  return language === 'ar' ? ltr(text) : text;
};

/** How each figure was made, printed under the chart of every page (in each language's numbers). */
export function regionalNotes(): Bilingual[] {
  const w = ASSUMED_WEIGHT_KG;
  const f = config.co2eKg;
  const source: Record<MessageLanguage, string> = { ar: '', en: CO2E_SOURCE, fr: CO2E_SOURCE_FR };
  return [
    messages('regionAttribution'),
    messages('regionWeights', (language) => ({
      laptop: kg(language, w.laptop),
      desktop: kg(language, w.desktop),
      co2eLaptop: language === 'ar' ? ltr(`${f.laptop} kg CO2e`) : `${numberIn(language, f.laptop)} kg`,
      co2eDesktop: language === 'ar' ? ltr(`${f.desktop}`) : numberIn(language, f.desktop),
      source: source[language],
    })),
  ];
}
