// Query and parameter schemas of the document routes.
import Joi from 'joi';
import { invalid, parse } from '../../lib/parse.js';
import type { LabelFormat } from './documents.labels-pdf.js';
import { currentCountry } from '../../lib/country.js';
import { defaultSecondLanguage, SECOND_LANGUAGES, type SecondLanguage } from './documents.format.js';

export const MAX_LABELS = 2000;

export interface LabelsQuery {
  deviceIds?: number[];
  donationId?: number;
  format: LabelFormat;
}

const idList = Joi.any().custom((value: unknown, helpers) => {
  const parts = (Array.isArray(value) ? value.join(',') : String(value))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!parts.length || parts.some((p) => !/^[1-9]\d{0,9}$/.test(p)))
    return invalid(helpers, 'deviceIds.format', '{{#label}} must be device ids separated by commas, e.g. 1,2,3');
  const ids = [...new Set(parts.map(Number))];
  if (ids.length > MAX_LABELS)
    return invalid(helpers, 'deviceIds.max', `{{#label}} may name at most ${MAX_LABELS} devices`, {
      limit: MAX_LABELS,
    });
  return ids;
});

export const labelsQuery = Joi.object<LabelsQuery>({
  deviceIds: idList,
  donationId: Joi.number().integer().positive(),
  format: Joi.string().valid('roll', 'a4').default('roll'),
})
  .xor('deviceIds', 'donationId')
  .messages({
    'object.missing': 'give deviceIds (e.g. 1,2,3) or donationId',
    'object.xor': 'give deviceIds or donationId, not both',
  });

/** The body of POST /api/labels/print: the query's rules, but JSON ids are a real array and the format is named. */
export const labelsBody = labelsQuery.keys({
  deviceIds: Joi.array()
    .items(
      Joi.number()
        .integer()
        .positive()
        .max(2 ** 31 - 1),
    )
    .min(1)
    .max(MAX_LABELS)
    .unique(),
  format: Joi.string().valid('roll', 'a4').required(),
});

export interface DateRange {
  from?: string;
  to?: string;
}

const isoDate = Joi.string()
  .pattern(/^\d{4}-\d{2}-\d{2}$/, { name: 'date.pattern' })
  .message('{{#label}} must be a date like 2026-01-01')
  .custom((v: string, h) =>
    Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? invalid(h, 'date.invalid', '{{#label}} is not a real date') : v,
  );

const inOrder = (v: DateRange, h: Joi.CustomHelpers): DateRange | Joi.ErrorReport =>
  v.from && v.to && v.to < v.from
    ? invalid(h, 'dateRange.order', 'to must not be before from', { start: 'from', end: 'to' })
    : v;

export const dateRangeQuery = Joi.object<DateRange>({ from: isoDate, to: isoDate }).custom(inOrder);

/** A certificate code as printed (10 base32 characters); a scan may bring lower case, spaces or hyphens. */
export function normaliseCertificateCode(raw: string): string | null {
  const code = raw.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z2-7]{6,16}$/.test(code) ? code : null;
}

/** Receipt tokens are base64url; anything else is not worth a database lookup. */
export const isReceiptToken = (raw: string): boolean => /^[A-Za-z0-9_-]{22,64}$/.test(raw);

/** `?lang=en|fr`: the language printed after Arabic; by default the country's (French in Morocco, else English). */
export const languageQuery = Joi.object<{ lang?: SecondLanguage }>({
  lang: Joi.string().valid(...SECOND_LANGUAGES),
});

export function languageOf(query: unknown): SecondLanguage {
  return parse(languageQuery, query).lang ?? defaultSecondLanguage(currentCountry());
}

/** A programme's certificates in one PDF: the date range and `?lang`, checked together (one 400 names them all). */
export const certificatesQuery = Joi.object<DateRange & { lang?: SecondLanguage }>({
  from: isoDate,
  to: isoDate,
  lang: Joi.string().valid(...SECOND_LANGUAGES),
}).custom(inOrder);

/** The range, and the language as the single certificate takes it (`languageOf`). */
export function certificatesQueryOf(query: unknown): { range: DateRange; lang: SecondLanguage } {
  const { lang, ...range } = parse(certificatesQuery, query);
  return { range, lang: lang ?? defaultSecondLanguage(currentCountry()) };
}
