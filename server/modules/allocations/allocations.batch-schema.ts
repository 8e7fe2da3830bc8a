// What the batch routes accept (spec §13), and the batch's wire shape.
import Joi from 'joi';
import { pageQueryKeys, type PageQuery } from '../../lib/pagination.js';
import { MANAGERS, mayAccess, type Role } from '../auth/index.js';
import {
  ACCESSORIES,
  BATCH_STATUSES,
  type Accessory,
  type BatchDeviceDto,
  type BatchDto,
  type BatchInput,
  type BatchStatus,
} from '../../shared/index.js';
import type { AllocationBatch } from './allocations.model.js';

export const MAX_BATCH_DEVICES = 500;

const id = () =>
  Joi.number()
    .integer()
    .positive()
    .max(2 ** 31 - 1);

export const batchInput = Joi.object<BatchInput>({
  recipient: Joi.alternatives()
    .try(Joi.object({ beneficiaryId: id().required() }), Joi.object({ partnerId: id().required() }))
    .required()
    .messages({ 'alternatives.match': '{{#label}} must be { beneficiaryId } or { partnerId }' }),
  programmeId: id().required(),
  deviceIds: Joi.array()
    .items(id())
    .min(1)
    .max(MAX_BATCH_DEVICES)
    .unique()
    .required()
    .messages({ 'array.unique': '{{#label}} lists device {{#value}} twice' }),
  note: Joi.string().trim().max(500).allow('').empty(''),
});

/** The accessories checklist of every handover (spec §13): a set of ACCESSORIES and a note ("other" needs one). */
export const accessoryKeys = {
  accessories: Joi.array()
    .items(Joi.string().valid(...ACCESSORIES))
    .unique()
    .default([]),
  accessoriesNote: Joi.string()
    .trim()
    .max(300)
    .allow('')
    .empty('')
    .when('accessories', {
      is: Joi.array().items(Joi.any()).has(Joi.valid('other')),
      then: Joi.required().messages({ 'any.required': '{{#label}} must say what "other" is' }),
    }),
};

export interface BatchListQuery extends PageQuery {
  status?: BatchStatus;
}
export const batchListQuery = Joi.object<BatchListQuery>({
  ...pageQueryKeys,
  status: Joi.string().valid(...BATCH_STATUSES),
});

/** The stored comma list, in checklist order. */
export const accessoriesOf = (stored: string | null | undefined): Accessory[] =>
  stored ? ACCESSORIES.filter((a) => stored.split(',').includes(a)) : [];
export const storedAccessories = (list: readonly Accessory[] | undefined): string | null =>
  list?.length ? ACCESSORIES.filter((a) => list.includes(a)).join(',') : null;

/**
 * Recipients are organisations, so every reader sees their names; who signed for the batch (a person) and the
 * manager's reasons are for managers, as on single allocations.
 */
export function toBatchDto(
  b: AllocationBatch,
  role: Role,
  recipient: { name: string; city: string | null; regionCode: string | null },
  devices: BatchDeviceDto[] = [],
): BatchDto {
  const full = mayAccess(MANAGERS, role);
  const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);
  return {
    id: b.id,
    code: b.code,
    status: b.status,
    recipient: {
      kind: b.recipientKind,
      beneficiaryId: b.beneficiaryId,
      partnerId: b.partnerId,
      ...recipient,
    },
    programmeId: b.programmeId,
    deviceCount: b.deviceCount,
    devices,
    note: full ? b.note : null,
    receivedBy: full ? (b.receivedBy ?? null) : null,
    handedOverAt: iso(b.handedOverAt),
    certificateCode: full ? (b.certificateCode ?? null) : null,
    accessories: accessoriesOf(b.accessories),
    accessoriesNote: full ? (b.accessoriesNote ?? null) : null,
    cancelReason: full ? (b.cancelReason ?? null) : null,
    createdAt: iso(b.createdAt)!,
    redacted: !full,
  };
}
