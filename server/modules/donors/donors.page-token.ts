// The donor's page link (spec §12): `PUBLIC_URL/donors/<page_token>`, a secret like the receipt links. A manager
// rotates it when it leaked or went to the wrong person: the old token is kept as retired, so its link answers
// "this link was replaced; ask the charity for the new one" (410) rather than a plain not-found.
import { config } from '../../config.js';
import { withTransaction } from '../../db/sequelize.js';
import { NotFoundError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import { Donor, newPageToken, RetiredPageToken } from './donors.model.js';
import type { Actor } from '../auth/index.js';

/** Page tokens are 43 base64url characters; anything else is not worth a database lookup. */
export const isPageToken = (raw: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(raw);

export const pageUrlOf = (token: string): string => `${config.publicUrl}/donors/${token}`;

/** What a page token names: the donor, a donor whose link was replaced, or nothing. */
export type PageTokenLookup = { donor: Donor } | { retired: true } | null;

export async function findByPageToken(token: string): Promise<PageTokenLookup> {
  if (!isPageToken(token)) return null;
  // MariaDB compares these columns case-insensitively (utf8mb4_unicode_ci): the exact token is checked here.
  const donor = await Donor.findOne({ where: { pageToken: token } });
  if (donor?.pageToken === token) return { donor };
  const retired = await RetiredPageToken.findOne({ where: { token }, attributes: ['token'] });
  return retired?.token === token ? { retired: true } : null;
}

/** A new token for the donor's page; the old one is retired in the same transaction. */
export async function rotatePageToken(id: number, actor: Actor): Promise<Donor> {
  const donor = await withTransaction(async (transaction) => {
    // The row lock orders two rotations of one donor: each retires the token the other one left.
    const found = await Donor.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!found) throw new NotFoundError(`Donor ${id} not found`);
    await RetiredPageToken.create(
      { donorId: id, token: found.pageToken, retiredAt: new Date(), retiredBy: actor.id },
      { transaction },
    );
    return found.update({ pageToken: newPageToken() }, { transaction });
  });
  logger.info('donor.page_token_rotated', { donorId: id, actorId: actor.id });
  return donor;
}
