import Joi from 'joi';
import { pageQueryKeys, type PageQuery } from '../../lib/pagination.js';
import { MANAGERS, mayAccess, type Role } from '../auth/index.js';
import type { Allocation, AllocationStatus } from './allocations.model.js';
import { bundleAssignmentInput } from '../connectivity/index.js';
import type {
  Accessory,
  AllocateInput,
  AllocationDto,
  AppointmentDto,
  AssignedBundleDto,
  BundleAssignmentInput,
} from '../../shared/index.js';
import { accessoriesOf, accessoryKeys } from './allocations.batch-schema.js';

export type { AllocateInput, AllocationDto };
export const allocateInput = Joi.object<AllocateInput>({
  deviceId: Joi.number().integer().positive().required(),
  beneficiaryId: Joi.number().integer().positive().required(),
  programmeId: Joi.number().integer().positive(),
  overrideReason: Joi.string().trim().min(5).max(500),
});

export const cancelInput = Joi.object<{ reason: string }>({ reason: Joi.string().trim().min(1).max(500).required() });

export interface HandoverInput {
  receivedBy: string;
  signature?: string;
  handedOverAt?: Date;
  accessories?: Accessory[];
  accessoriesNote?: string;
  /** A SIM data bundle from a sponsor's stock (spec §14); `iccid` arrives as its normalised digits. */
  bundle?: BundleAssignmentInput;
  trainingOverrideReason?: string;
}
export const handoverInput = Joi.object<HandoverInput>({
  receivedBy: Joi.string().trim().min(1).max(200).required(),
  // A data URL (data:image/png;base64,…) from the on-screen pad; or a multipart file field "signature".
  signature: Joi.string()
    .max(1_500_000)
    .pattern(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=\s]+$/, { name: 'signature.dataUrl' })
    .message('{{#label}} must be a PNG or JPEG data URL'),
  handedOverAt: Joi.date().iso().max('now'),
  ...accessoryKeys,
  bundle: bundleAssignmentInput,
  trainingOverrideReason: Joi.string().trim().min(5).max(500),
});
/**
 * A batch's handover: the same body, but one bundle cannot go with many devices, and an institution's batch has no
 * training to override (400 naming the field).
 */
export const batchHandoverInput = handoverInput.keys({
  bundle: Joi.any().forbidden(),
  trainingOverrideReason: Joi.any().forbidden(),
});

export interface AllocationListQuery extends PageQuery {
  status?: AllocationStatus;
  programmeId?: number;
  beneficiaryId?: number;
  deviceId?: number;
}
export const allocationListQuery = Joi.object<AllocationListQuery>({
  ...pageQueryKeys,
  status: Joi.string().valid('reserved', 'handed_over', 'cancelled'),
  programmeId: Joi.number().integer().positive(),
  beneficiaryId: Joi.number().integer().positive(),
  deviceId: Joi.number().integer().positive(),
});

/**
 * Technicians and viewers get the allocation without the receiver's name, the certificate code (it opens the public
 * verification page, which names the family's initials and city) or the reasons a manager typed (free text about
 * a family). As with beneficiaries, the one DTO function decides, so no route can forget it.
 */
export function toAllocationDto(
  a: Allocation,
  role: Role,
  assetTag: string | null = null,
  bundle: AssignedBundleDto | null = null,
): AllocationDto {
  const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);
  // A partner reads only its own families' allocations (the routes scope the rows), and sees them whole.
  const full = mayAccess(MANAGERS, role) || role === 'partner';
  return {
    id: a.id,
    deviceId: a.deviceId,
    assetTag,
    beneficiaryId: a.beneficiaryId,
    programmeId: a.programmeId,
    status: a.status,
    overrideReason: full ? a.overrideReason : null,
    cancelReason: full ? (a.cancelReason ?? null) : null,
    receivedBy: full ? (a.receivedBy ?? null) : null,
    hasSignature: Boolean(a.signatureSha256),
    certificateCode: full ? (a.certificateCode ?? null) : null,
    handedOverAt: iso(a.handedOverAt),
    createdAt: iso(a.createdAt)!,
    updatedAt: iso(a.updatedAt)!,
    redacted: !full,
    appointment: appointmentOf(a, full),
    batchId: a.batchId ?? null,
    accessories: accessoriesOf(a.accessories),
    accessoriesNote: full ? (a.accessoriesNote ?? null) : null,
    // The SIM's last digits only for full readers, as the masked national ID of a beneficiary.
    bundle: bundle && !full ? { ...bundle, iccidLast4: null } : bundle,
    trainingOverride:
      a.trainingOverrideBy != null
        ? { reason: full ? (a.trainingOverrideReason ?? null) : null, byUserId: a.trainingOverrideBy }
        : null,
  };
}

/** The appointment, once set; what to bring is a manager's free text about a family, so only full readers get it. */
function appointmentOf(a: Allocation, full: boolean): AppointmentDto | null {
  if (!a.appointmentAt || a.appointmentSiteId == null) return null;
  return {
    at: new Date(a.appointmentAt).toISOString(),
    siteId: a.appointmentSiteId,
    bring: full ? (a.appointmentBring ?? null) : null,
    version: Number(a.appointmentVersion),
    setBy: full ? (a.appointmentSetBy ?? null) : null,
    setAt: a.appointmentSetAt ? new Date(a.appointmentSetAt).toISOString() : null,
  };
}

export interface AppointmentInput {
  at: Date;
  siteId: number;
  bring: string;
}
/** Short texts: the bring list goes into an SMS (70 Arabic characters a part). */
export const appointmentInput = Joi.object<AppointmentInput>({
  at: Joi.date().iso().greater('now').required(),
  siteId: Joi.number().integer().positive().required(),
  bring: Joi.string().trim().min(1).max(200).required(),
});
