// A programme's committee score of one beneficiary (spec §14): 0–10 in halves, for programmes that select on
// interview or motivation (`committeeScoring`). Scoring again replaces the score and records who scored and when;
// each scoring also leaves an audit row on the beneficiary (who and when, never the score or the note).
import { UniqueConstraintError } from 'sequelize';
import { withTransaction } from '../../db/sequelize.js';
import { ConflictError, NotFoundError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import type { Actor } from '../auth/index.js';
import { auditBeneficiary, beneficiaryNameOf } from '../beneficiaries/index.js';
import { findProgramme } from '../programmes/index.js';
import type { CommitteeScoreDto, CommitteeScoreInput } from '../../shared/index.js';
import { CommitteeScore } from './selection.model.js';
import { toCommitteeScoreDto } from './selection.schema.js';

const withScorer = { include: [{ association: 'scorer', attributes: ['id', 'name'] }] };

/** Every committee score of a programme, with the scorer's name, in one query, by beneficiary id. */
export async function committeeScoresOf(programmeId: number): Promise<Map<number, CommitteeScoreDto>> {
  const rows = await CommitteeScore.findAll({ where: { programmeId }, ...withScorer });
  return new Map(rows.map((r) => [r.beneficiaryId, toCommitteeScoreDto(r)]));
}

export async function scoreBeneficiary(
  programmeId: number,
  beneficiaryId: number,
  input: CommitteeScoreInput,
  actor: Actor,
): Promise<CommitteeScoreDto> {
  const programme = await findProgramme(programmeId);
  if (!(await beneficiaryNameOf(beneficiaryId))) throw new NotFoundError(`Beneficiary ${beneficiaryId} not found`);
  if (!programme.committeeScoring)
    throw new ConflictError(
      'COMMITTEE_SCORING_OFF',
      `Programme ${programmeId} has no committee scoring; turn committeeScoring on first`,
      { programmeId },
    );
  const write = () =>
    withTransaction(async (transaction) => {
      const values = { score: input.score, note: input.note ?? null, scoredBy: actor.id, scoredAt: new Date() };
      const current = await CommitteeScore.findOne({
        where: { programmeId, beneficiaryId },
        transaction,
        lock: transaction.LOCK.UPDATE,
      });
      const row = current
        ? await current.update(values, { transaction })
        : await CommitteeScore.create({ programmeId, beneficiaryId, ...values }, { transaction });
      await auditBeneficiary(
        { beneficiaryId, actorId: actor.id, action: 'committee_scored', fields: ['committeeScore'] },
        transaction,
      );
      return row.id;
    });
  // Two first scores at once on MariaDB: both find no row, the unique pair stops the second, which then replaces.
  const id = await write().catch((err: unknown) => {
    if (err instanceof UniqueConstraintError) return write();
    throw err;
  });
  logger.info('selection.committee_scored', { programmeId, beneficiaryId, actorId: actor.id });
  return toCommitteeScoreDto((await CommitteeScore.findByPk(id, withScorer))!);
}
