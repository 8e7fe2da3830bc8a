import Joi from 'joi';
import type { InferAttributes } from 'sequelize';
import { pageQueryKeys, type PageQuery } from '../../lib/pagination.js';
import { checkImei } from '../../lib/imei.js';
import { invalid, listOf } from '../../lib/parse.js';
import { serialKey } from '../../lib/text.js';
import { DEVICE_STATUSES, allowedActions, type DeviceStatus } from './devices.lifecycle.js';
import { DEVICE_TYPES, MEDIA_TYPES, type Device, type DeviceEvent, type Drive } from './devices.model.js';
import { IMEI_DEVICE_TYPES } from '../../shared/index.js';
import type { DeviceDto, DeviceEventDto, DeviceType, DriveDto, MediaType } from '../../shared/index.js';

const text = (max: number) => Joi.string().trim().max(max).allow('', null).empty(['', null]);

export interface DriveInput {
  serialNumber: string;
  model?: string;
  mediaType: MediaType;
  capacityBytes?: number;
}
export const driveInput = Joi.object<DriveInput>({
  serialNumber: Joi.string().trim().min(1).max(100).required(),
  model: text(150),
  mediaType: Joi.string()
    .valid(...MEDIA_TYPES)
    .default('other'),
  capacityBytes: Joi.number()
    .integer()
    .min(0)
    .max(2 ** 53 - 1),
});

/**
 * An IMEI as typed or scanned (Arabic-Indic digits, spaces, hyphens, slashes), stored as its 15 Latin digits:
 * `imei.length` when it is not 15 digits, `imei.checksum` when the Luhn check digit is wrong (lib/imei.ts).
 */
const imeiValue = Joi.string()
  .trim()
  .max(40)
  .allow('', null)
  .empty(['', null])
  .custom((value: string, helpers) => {
    const checked = checkImei(value);
    if ('imei' in checked) return checked.imei;
    return checked.problem === 'length'
      ? invalid(helpers, 'imei.length', '{{#label}} must be 15 digits')
      : invalid(helpers, 'imei.checksum', '{{#label}} has a wrong check digit (Luhn): check it for a typing error');
  });

/** Only a phone or a tablet carries an IMEI (`imei.notPhone` for any other type). */
const imeiKey = Joi.when('type', {
  is: Joi.valid(...IMEI_DEVICE_TYPES),
  then: imeiValue,
  otherwise: Joi.any()
    .allow('', null)
    .empty(['', null])
    .custom((_value, helpers) =>
      invalid(helpers, 'imei.notPhone', '{{#label}} is recorded for phones and tablets only', {
        types: IMEI_DEVICE_TYPES.join(', '),
      }),
    ),
});

export interface DeviceInput {
  type: DeviceType;
  manufacturer?: string;
  model?: string;
  serialNumber?: string;
  /** Phones and tablets: the normalised IMEI (15 Latin digits). */
  imei?: string;
  notes?: string;
  siteId?: number;
  cpu?: string;
  ramGb?: number;
  screenInches?: number;
  batteryHealth?: number;
  drives: DriveInput[];
}
export const deviceInputKeys = {
  type: Joi.string()
    .trim()
    .lowercase()
    .valid(...DEVICE_TYPES)
    .required(),
  manufacturer: text(100),
  model: text(150),
  serialNumber: text(100),
  imei: imeiKey,
  notes: text(2000),
  siteId: Joi.number().integer().positive(),
  cpu: text(200),
  ramGb: Joi.number().min(0).max(4096),
  screenInches: Joi.number().min(0).max(100),
  batteryHealth: Joi.number().integer().min(0).max(100),
};
export const deviceInput = Joi.object<DeviceInput>({
  ...deviceInputKeys,
  // Serials that differ only in case, spaces or hyphens name the same drive.
  drives: Joi.array()
    .items(driveInput)
    .max(32)
    .unique((a: DriveInput, b: DriveInput) => serialKey(a.serialNumber) === serialKey(b.serialNumber))
    .default([]),
});

export interface DeviceListQuery extends PageQuery {
  status?: DeviceStatus[];
  type?: DeviceType;
  donationId?: number;
  siteId?: number;
  q?: string;
}
export const deviceListQuery = Joi.object<DeviceListQuery>({
  ...pageQueryKeys,
  status: listOf(DEVICE_STATUSES) as Joi.Schema<DeviceStatus[]>,
  type: Joi.string().valid(...DEVICE_TYPES),
  donationId: Joi.number().integer().positive(),
  siteId: Joi.number().integer().positive(),
  q: Joi.string().trim().max(100).allow('').empty(''),
});

export const idParams = Joi.object<{ id: number }>({
  id: Joi.number()
    .integer()
    .positive()
    .max(2 ** 31 - 1)
    .required(),
});

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();
/** Plain (raw) rows carry booleans as 0/1 on SQLite and MySQL; model instances as booleans. */
const bool = (v: boolean | number | null | undefined): boolean | null =>
  v === null || v === undefined ? null : Boolean(v);

export function toDeviceDto(d: InferAttributes<Device>, donationCode?: string): DeviceDto {
  return {
    id: d.id,
    assetTag: d.assetTag,
    donationId: d.donationId,
    ...(donationCode ? { donationCode } : {}),
    siteId: d.siteId,
    type: d.type,
    manufacturer: d.manufacturer,
    model: d.model,
    serialNumber: d.serialNumber,
    imei: d.imei ?? null,
    cpu: d.cpu ?? null,
    ramGb: d.ramGb ?? null,
    storageSummary: d.storageSummary ?? null,
    screenInches: d.screenInches ?? null,
    batteryHealth: d.batteryHealth ?? null,
    status: d.status,
    disposition: d.disposition ?? null,
    grade: d.grade ?? null,
    r2Function: d.r2Function ?? null,
    r2Cosmetic: d.r2Cosmetic ?? null,
    os: d.os ?? null,
    licence: d.licence ?? null,
    windows11Eligible: bool(d.windows11Eligible),
    notes: d.notes ?? null,
    version: d.version,
    statusChangedAt: iso(d.statusChangedAt),
    createdAt: iso(d.createdAt),
    updatedAt: iso(d.updatedAt),
    // A device a partner holds is handed on by that partner (spec §13): the charity's screens offer no allocation.
    allowedActions: allowedActions(d.status).filter((a) => a !== 'allocate' || d.custodyPartnerId == null),
  };
}

export function toDriveDto(d: Drive): DriveDto {
  return {
    id: d.id,
    serialNumber: d.serialNumber,
    model: d.model,
    mediaType: d.mediaType,
    capacityBytes: d.capacityBytes === null ? null : Number(d.capacityBytes),
    smartPassed: bool(d.smartPassed),
    powerOnHours: d.powerOnHours ?? null,
    reallocatedSectors: d.reallocatedSectors ?? null,
    pendingSectors: d.pendingSectors ?? null,
  };
}

/**
 * Payload keys the history keeps (they are hashed into the chain) but never shows: every role reads a device's
 * history, and a handover certificate code opens the family's public verification page; an admin's reason for
 * handing over before the training was completed may speak of the family. Managers find both on the allocation
 * (allocations.schema.ts), which is redacted per role.
 */
const UNSHOWN_PAYLOAD_KEYS = ['certificateCode', 'trainingOverrideReason'];

function shownPayload(json: string): Record<string, unknown> {
  const payload = JSON.parse(json) as Record<string, unknown>;
  for (const key of UNSHOWN_PAYLOAD_KEYS) delete payload[key];
  return payload;
}

export function toEventDto(e: DeviceEvent & { actor?: { name: string } | null }): DeviceEventDto {
  return {
    id: e.id,
    seq: e.seq,
    type: e.type,
    actorId: e.actorId,
    actorName: e.actor?.name ?? null,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    payload: shownPayload(e.payload),
    // Filled for a whole history at once by withEventNames (devices.event-names.ts).
    names: {},
    createdAt: iso(e.createdAt),
    hash: e.hash,
    prevHash: e.prevHash ?? null,
  };
}
