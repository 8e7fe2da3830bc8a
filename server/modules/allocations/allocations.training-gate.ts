// Training before handover (spec §14, issue 19 point 2): a programme with `requiresTraining` hands a device only to a
// beneficiary who completed its course. Until then the handover is a 409 TRAINING_REQUIRED naming the course and the
// attendance still missing; an admin may hand over anyway with a reason, which the allocation and the device's
// hash-chained handover event keep.
import type { Transaction } from 'sequelize';
import { ConflictError, ForbiddenError } from '../../lib/errors.js';
import type { Actor } from '../auth/index.js';
import { trainingRuleOf } from '../programmes/index.js';
import { trainingGateFor } from '../training/index.js';
import type { Allocation } from './allocations.model.js';
import type { HandoverInput } from './allocations.schema.js';
import type { TrainingRequiredDetails } from '../../shared/index.js';

export interface TrainingOverride {
  reason: string;
  byUserId: number;
  /** What was missing when the admin overrode (kept in the device's history). */
  missing: TrainingRequiredDetails;
}

/**
 * Null when the programme asks no training or the beneficiary completed it (a reason sent then is not kept: there
 * was nothing to override); the override to record when an admin gave a reason; otherwise throws.
 */
export async function checkTraining(
  allocation: Allocation,
  input: HandoverInput,
  actor: Actor,
  transaction: Transaction,
): Promise<TrainingOverride | null> {
  if (allocation.programmeId == null) return null;
  const rule = await trainingRuleOf(allocation.programmeId, transaction);
  const missing = rule && (await trainingGateFor(allocation.beneficiaryId, rule, transaction));
  if (!missing) return null;
  if (!input.trainingOverrideReason)
    throw new ConflictError(
      'TRAINING_REQUIRED',
      `The programme requires the course "${missing.courseTitleEn || missing.courseTitleAr}" completed first ` +
        `(attendance ${missing.attendancePercent} % of ${missing.attendanceThreshold} %; ` +
        `${missing.sessionsMissing} more session(s))`,
      missing,
    );
  if (actor.role !== 'admin')
    throw new ForbiddenError('Only an admin may hand over before the training is completed', 'OVERRIDE_FORBIDDEN');
  return { reason: input.trainingOverrideReason, byUserId: actor.id, missing };
}
