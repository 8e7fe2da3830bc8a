import Joi from 'joi';
import { config } from '../../config.js';
import { currentCountry } from '../../lib/country.js';
import { pageQueryKeys, type PageQuery } from '../../lib/pagination.js';
import { invalid, listOf } from '../../lib/parse.js';
import { phoneSchema } from '../../lib/phone.js';
import type { Role } from '../auth/index.js';
import { DEVICE_TYPES } from '../devices/index.js';
import { mayContactDonors } from '../donors/index.js';
import { DONATION_CHANNELS, DONATION_STATUSES, type Donation } from './donations.model.js';
import {
  DOCUMENT_LANGUAGES,
  type DocumentLanguage,
  type DonationChannel,
  type DonationDto,
  type DonationStatus,
  type DonorKind,
  type PledgeItemDto,
} from '../../shared/index.js';

const optional = (max: number) => Joi.string().trim().max(max).allow('', null).empty(['', null]);
const isoDate = Joi.string()
  .pattern(/^\d{4}-\d{2}-\d{2}$/, { name: 'date.pattern' })
  .message('{{#label}} must be a date like 2026-12-01')
  .custom((v: string, h) =>
    Number.isNaN(Date.parse(v)) ? invalid(h, 'date.invalid', '{{#label}} is not a real date') : v,
  );

export interface DonationInput {
  donorId: number;
  channel: DonationChannel;
  expectedCount?: number;
  siteId?: number;
  notes?: string;
  scheduledPickupDate?: string;
}
export const donationInput = Joi.object<DonationInput>({
  donorId: Joi.number().integer().positive().required(),
  channel: Joi.string()
    .valid(...DONATION_CHANNELS)
    .required(),
  expectedCount: Joi.number().integer().min(0).max(100_000),
  siteId: Joi.number().integer().positive(),
  notes: optional(4000),
  scheduledPickupDate: isoDate,
});

export interface DonationPatch {
  status?: DonationStatus;
  expectedCount?: number;
  siteId?: number;
  notes?: string;
  scheduledPickupDate?: string;
}
export const donationPatch = Joi.object<DonationPatch>({
  status: Joi.string().valid(...DONATION_STATUSES),
  expectedCount: Joi.number().integer().min(0).max(100_000),
  siteId: Joi.number().integer().positive(),
  notes: optional(4000),
  scheduledPickupDate: isoDate,
}).min(1);

export interface DonationListQuery extends PageQuery {
  status?: DonationStatus[];
  donorId?: number;
  q?: string;
}
export const donationListQuery = Joi.object<DonationListQuery>({
  ...pageQueryKeys,
  status: listOf(DONATION_STATUSES) as Joi.Schema<DonationStatus[]>,
  donorId: Joi.number().integer().positive(),
  q: Joi.string().trim().max(100).allow('').empty(''),
});

export interface PledgeInput {
  donor: {
    kind: DonorKind;
    name: string;
    phone?: string;
    email?: string;
    city?: string;
    contactPerson?: string;
    crNumber?: string;
    preferredLanguage: DocumentLanguage;
  };
  items: PledgeItemDto[];
  preferredPickupDate?: string;
  notes?: string;
  website?: string;
}
export const pledgeInput = Joi.object<PledgeInput>({
  donor: Joi.object({
    kind: Joi.string().valid('company', 'individual').default('individual'),
    name: Joi.string().trim().min(1).max(200).required(),
    phone: phoneSchema(currentCountry).allow('', null).empty(['', null]),
    email: Joi.string().trim().lowercase().email({ tlds: false }).max(254).allow('', null).empty(['', null]),
    city: optional(100),
    contactPerson: optional(200),
    crNumber: optional(32),
    preferredLanguage: Joi.string()
      .valid(...DOCUMENT_LANGUAGES)
      .default('ar'),
  })
    .or('phone', 'email')
    .messages({ 'object.missing': 'donor needs a phone or an email so that we can reach you' })
    .required(),
  items: Joi.array()
    .items(
      Joi.object({
        type: Joi.string()
          .valid(...DEVICE_TYPES)
          .required(),
        count: Joi.number().integer().min(1).max(1000).required(),
        description: optional(500).default(''),
      }),
    )
    .min(1)
    .max(50)
    .required(),
  preferredPickupDate: isoDate,
  notes: optional(2000),
  // A honeypot: hidden from people by the form, filled in by bots.
  website: Joi.string().max(0).allow('', null).messages({ 'string.max': 'website must stay empty' }),
});

/** The donor's secret receipt link, for staff on the detail view only (lists never carry it, viewers never get it). */
export function receiptUrlOf(d: Donation, role: Role): { receiptUrl?: string } {
  return d.receiptToken && mayContactDonors(role)
    ? { receiptUrl: `${config.publicUrl}/receipts/${d.receiptToken}` }
    : {};
}

export function toDonationDto(d: Donation & { donor?: { name: string } }): DonationDto {
  return {
    id: d.id,
    code: d.code,
    donorId: d.donorId,
    donorName: d.donor?.name ?? '',
    channel: d.channel,
    status: d.status,
    expectedCount: d.expectedCount,
    receivedCount: d.receivedCount,
    siteId: d.siteId,
    notes: d.notes,
    pledgeItems: d.pledgeItems ? (JSON.parse(d.pledgeItems) as PledgeItemDto[]) : [],
    preferredPickupDate: d.preferredPickupDate ?? null,
    scheduledPickupDate: d.scheduledPickupDate ?? null,
    receivedAt: d.receivedAt ? new Date(d.receivedAt).toISOString() : null,
    createdAt: new Date(d.createdAt).toISOString(),
    updatedAt: new Date(d.updatedAt).toISOString(),
  };
}
