// The settings rows behind the one-time setup (issue 22, spec §15): the setup token and the claim that makes exactly
// one setup win. They are rows of the settings table under keys the settings never show (getSettings keeps to its
// own keys), so every instance of the server shares them.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { UniqueConstraintError, type Transaction } from 'sequelize';
import { withTransaction } from '../../db/sequelize.js';
import { ConflictError } from '../../lib/errors.js';
import { Setting } from './settings.model.js';

const TOKEN_KEY = 'setup.token';
const CLAIM_KEY = 'setup.completedAt';

/**
 * The setup token, created if there is none yet (the first instance to start writes it; the others read the same
 * one). 20 random bytes in hex: 40 characters, so that the log scan's session-token pattern (43 base64url characters)
 * never mistakes the link for a secret that must not be logged: the link IS meant for the log.
 */
export async function ensureSetupToken(): Promise<string> {
  return withTransaction(async (transaction) => {
    const [row] = await Setting.findOrCreate({
      where: { key: TOKEN_KEY },
      defaults: { key: TOKEN_KEY, value: JSON.stringify(randomBytes(20).toString('hex')) },
      transaction,
    });
    return JSON.parse(row.value) as string;
  });
}

/** Whether `token` is the setup token (compared in constant time); false when there is none (used or never made). */
export async function setupTokenMatches(token: string | undefined, transaction?: Transaction): Promise<boolean> {
  if (!token) return false;
  const row = await Setting.findByPk(TOKEN_KEY, { transaction });
  if (!row) return false;
  const expected = Buffer.from(JSON.parse(row.value) as string);
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * The first write of the setup's transaction: a row under one fixed key, so that of two setups at once the second
 * waits on the first's key lock (MariaDB) and then fails on the primary key, or (SQLite, one writer) finds it: either
 * way it answers 409 before writing anything. The token dies with it.
 */
export async function claimSetup(transaction: Transaction): Promise<void> {
  try {
    await Setting.create({ key: CLAIM_KEY, value: JSON.stringify(new Date().toISOString()) }, { transaction });
  } catch (error) {
    if (error instanceof UniqueConstraintError) throw alreadySetUp();
    throw error;
  }
  await Setting.destroy({ where: { key: TOKEN_KEY }, transaction });
}

/** Forgets the token without a setup (an unattended install created the first admin). */
export async function dropSetupToken(): Promise<void> {
  await withTransaction((transaction) => Setting.destroy({ where: { key: TOKEN_KEY }, transaction }));
}

export const alreadySetUp = (): ConflictError =>
  new ConflictError('ALREADY_SET_UP', 'This server is set up already: sign in instead');
