// The yearly statements' register: one row per donor and year, numbered `ST-<year>-NNNN` from a per-year sequence
// (like receipts, `RC-2026-0001`) by the write that issues the statement, never by a GET. The statement's year is
// the year in its number: a 2026 statement issued in January 2027 is still ST-2026-…. What the statement prints and
// whether the year may be issued (a donation received in it) is the documents module's (issueStatement there).
import type { Transaction } from 'sequelize';
import { nextSequenceValue } from '../../db/sequences.js';
import { NotFoundError } from '../../lib/errors.js';
import { Donor, DonorStatement } from './donors.model.js';

export const statementNumberFormat = (year: number, n: number): string => `ST-${year}-${String(n).padStart(4, '0')}`;

export interface StatementRecord {
  donorId: number;
  year: number;
  number: string;
  issuedAt: Date;
  issuedBy: number | null;
}

const recordOf = (s: DonorStatement): StatementRecord => ({
  donorId: s.donorId,
  year: s.year,
  number: s.number,
  issuedAt: new Date(s.issuedAt),
  issuedBy: s.issuedBy,
});

/**
 * The donor's statement for `year`: the one issued before, or a new one numbered now (`created`). The donor's row
 * lock (the write queue on SQLite) orders two concurrent issues of one donor, so the second finds the first's row
 * instead of taking a second number. 404 for an unknown donor.
 */
export async function recordStatement(
  donorId: number,
  year: number,
  actorId: number | null,
  transaction: Transaction,
): Promise<StatementRecord & { created: boolean }> {
  const donor = await Donor.findByPk(donorId, { attributes: ['id'], transaction, lock: transaction.LOCK.UPDATE });
  if (!donor) throw new NotFoundError(`Donor ${donorId} not found`);
  const existing = await DonorStatement.findOne({
    where: { donorId, year },
    transaction,
    lock: transaction.LOCK.UPDATE,
  });
  if (existing) return { ...recordOf(existing), created: false };
  const number = statementNumberFormat(year, await nextSequenceValue(`statement:${year}`, transaction));
  const row = await DonorStatement.create(
    { donorId, year, number, issuedAt: new Date(), issuedBy: actorId },
    { transaction },
  );
  return { ...recordOf(row), created: true };
}

/** The statement issued to the donor for `year`, or null. */
export async function findStatement(donorId: number, year: number): Promise<StatementRecord | null> {
  const row = await DonorStatement.findOne({ where: { donorId, year } });
  return row ? recordOf(row) : null;
}

/** Every statement issued to the donor, latest year first. */
export async function statementsOf(donorId: number): Promise<StatementRecord[]> {
  const rows = await DonorStatement.findAll({ where: { donorId }, order: [['year', 'DESC']] });
  return rows.map(recordOf);
}
