// What the connectivity routes accept and return, and the `bundle` of a handover body (spec §14).
import Joi from 'joi';
import { currentCountry } from '../../lib/country.js';
import { invalid } from '../../lib/parse.js';
import { phoneSchema } from '../../lib/phone.js';
import { MANAGERS, mayAccess, type Role } from '../auth/index.js';
import { ICCID_MAX_DIGITS, ICCID_MIN_DIGITS, parseIccid } from './connectivity.iccid.js';
import type { BundleLot, Sponsor } from './connectivity.model.js';
import {
  REGION_CODES,
  type BundleAssignmentInput,
  type BundleLotDto,
  type BundleLotInput,
  type SponsorDto,
  type SponsorInput,
} from '../../shared/index.js';

export type { BundleAssignmentInput, BundleLotInput, SponsorInput };

const optional = (max: number) => Joi.string().trim().max(max).allow('', null).empty(['', null]);
const id = Joi.number().integer().positive();

export const sponsorInput = Joi.object<SponsorInput>({
  name: Joi.string().trim().min(1).max(200).required(),
  nameLatin: optional(200),
  contactPerson: optional(200),
  phone: phoneSchema(currentCountry).allow('', null).empty(['', null]),
});

/** 1 GB = 1000 MB: what is stored, so a lot's size must be a whole number of megabytes. */
export const MB_PER_GB = 1000;
export const mbOf = (gb: number): number => Math.round(gb * MB_PER_GB);
export const gbOf = (mb: number): number => Number(mb) / MB_PER_GB;

export const bundleLotInput = Joi.object<BundleLotInput>({
  operator: Joi.string().trim().min(1).max(100).required(),
  dataGb: Joi.number()
    .positive()
    .max(10_000)
    .required()
    .custom((v: number, h) =>
      Math.abs(v * MB_PER_GB - mbOf(v)) < 1e-6 && mbOf(v) > 0
        ? v
        : invalid(h, 'dataGb.precision', '{{#label}} must have at most 3 decimals (whole megabytes)', { decimals: 3 }),
    ),
  validityDays: Joi.number().integer().min(1).max(3650).required(),
  count: Joi.number().integer().min(1).max(1_000_000).required(),
});

/**
 * `bundle` of a handover body. The ICCID or number is normalised here (Latin digits, no separators), so the
 * service only ever sees the digits; an error names the field and never echoes the value.
 */
export const bundleAssignmentInput = Joi.object<BundleAssignmentInput>({
  sponsorId: id.required(),
  lotId: id,
  iccid: Joi.string()
    .trim()
    .max(64)
    .required()
    .custom(
      (v: string, h) =>
        parseIccid(v) ??
        invalid(h, 'iccid.format', '{{#label}} must be a SIM ICCID or phone number: 8 to 22 digits', {
          min: ICCID_MIN_DIGITS,
          max: ICCID_MAX_DIGITS,
        }),
    ),
});

export interface BundleReportQuery {
  from?: string;
  to?: string;
  sponsorId?: number;
  regionCode?: string;
}
const month = Joi.string()
  .pattern(/^\d{4}-(0[1-9]|1[0-2])$/, { name: 'month.pattern' })
  .message('{{#label}} must be a month like 2026-01');
export const bundleReportQuery = Joi.object<BundleReportQuery>({
  from: month,
  to: month,
  sponsorId: id,
  regionCode: Joi.string().valid(...REGION_CODES),
}).custom((v: BundleReportQuery, h) =>
  v.from && v.to && v.to < v.from
    ? invalid(h, 'dateRange.order', 'to must not be before from', { start: 'from', end: 'to' })
    : v,
);

const iso = (d: Date): string => new Date(d).toISOString();

export function toLotDto(lot: BundleLot): BundleLotDto {
  return {
    id: lot.id,
    sponsorId: lot.sponsorId,
    operator: lot.operator,
    dataGb: gbOf(lot.dataMb),
    validityDays: Number(lot.validityDays),
    received: Number(lot.received),
    remaining: Number(lot.remaining),
    createdAt: iso(lot.createdAt),
  };
}

/** A sponsor's contact person and phone are for the managers who deal with it; other roles see who gives and what. */
export function toSponsorDto(s: Sponsor, lots: readonly BundleLot[], role: Role): SponsorDto {
  const contact = mayAccess(MANAGERS, role);
  const items = lots.map(toLotDto);
  const received = items.reduce((n, l) => n + l.received, 0);
  const remaining = items.reduce((n, l) => n + l.remaining, 0);
  return {
    id: s.id,
    name: s.name,
    nameLatin: s.nameLatin ?? null,
    contactPerson: contact ? (s.contactPerson ?? null) : null,
    phone: contact ? (s.phone ?? null) : null,
    lots: items,
    received,
    remaining,
    distributed: received - remaining,
    createdAt: iso(s.createdAt),
  };
}
