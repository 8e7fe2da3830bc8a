// The outcome of a verification sample (a second person checks a sampled wipe, spec §10).
import { withTransaction } from '../../db/sequelize.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../../lib/errors.js';
import type { Actor } from '../auth/index.js';
import { appendEvent, assetTagOf } from '../devices/index.js';
import { VerificationSample } from './workshop.model.js';
import { toSampleDto, type SampleDto } from './workshop.queries.js';

export async function verifySample(
  sampleId: number,
  input: { result: 'passed' | 'failed'; notes?: string },
  actor: Actor,
): Promise<SampleDto> {
  const sample = await withTransaction(async (t) => {
    const sample = await VerificationSample.findByPk(sampleId, { transaction: t, lock: t.LOCK.UPDATE });
    if (!sample) throw new NotFoundError(`Verification sample ${sampleId} not found`);
    if (sample.status !== 'pending')
      throw new ConflictError('ALREADY_VERIFIED', `Sample ${sampleId} was already verified`);
    if (sample.operatorId === actor.id) {
      throw new UnprocessableError(
        'VERIFIER_IS_OPERATOR',
        'The wipe must be verified by someone other than its operator',
        [{ path: 'verifierId', message: 'is the operator' }],
      );
    }
    await sample.update(
      { status: input.result, verifierId: actor.id, verifiedAt: new Date(), notes: input.notes ?? null },
      { transaction: t },
    );
    await appendEvent(
      sample.deviceId,
      {
        type: 'wipe_verified',
        actorId: actor.id,
        payload: { sampleId, result: input.result, notes: input.notes ?? null },
      },
      t,
    );
    return sample;
  });
  return toSampleDto(sample, (await assetTagOf(sample.deviceId)) ?? '');
}
