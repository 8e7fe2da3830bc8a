// The yearly statement as use cases: issuing it (a write: the number is given here, never by a GET) and its PDF
// for staff and for the donor's page. A year may be issued once a donation of the donor was received in it.
import type { Transaction } from 'sequelize';
import { withTransaction } from '../../db/sequelize.js';
import { NotFoundError, UnprocessableError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import type { Actor, Role } from '../auth/index.js';
import {
  donorExists,
  emailDonor,
  findDonor,
  findStatement,
  maySeeDonorPage,
  pageUrlOf,
  recordStatement,
  type Donor,
  type StatementRecord,
} from '../donors/index.js';
import { drawingIn } from './documents.format.js';
import { loadLetterhead } from './documents.letterhead.js';
import { donationsOfDonor, receivedYears, statementFigures } from './documents.donor-statement-data.js';
import { drawDonorStatement } from './documents.donor-statement-pdf.js';
import { W, languageOf, type DonorLanguage } from './documents.donor-statement-wording.js';
import type { PdfJob } from './documents.service.js';

export interface IssuedStatement {
  number: string;
  year: number;
  donorId: number;
  issuedAt: Date;
  /** False when the year's statement had been issued before: the same number comes back. */
  created: boolean;
}

/**
 * Issues the donor's statement for `year` inside the caller's transaction (a "statement ready" message hooks on
 * here, in the same transaction): 404 for an unknown donor, 422 NOTHING_RECEIVED_IN_YEAR when no donation of theirs
 * was received that year. Issuing a year again returns the statement issued before.
 */
export async function issueStatement(
  donorId: number,
  year: number,
  actor: Pick<Actor, 'id'> | null,
  transaction: Transaction,
): Promise<IssuedStatement> {
  if (!(await donorExists(donorId, transaction))) throw new NotFoundError(`Donor ${donorId} not found`);
  const years = receivedYears(await donationsOfDonor(donorId, transaction));
  if (!years.includes(year)) {
    throw new UnprocessableError(
      'NOTHING_RECEIVED_IN_YEAR',
      `No donation of donor ${donorId} was received in ${year}: there is nothing to state`,
      { year, years },
    );
  }
  const s = await recordStatement(donorId, year, actor?.id ?? null, transaction);
  // A newly issued statement is announced to the donor in this transaction ("statement ready", spec §12).
  if (s.created) {
    await emailDonor(transaction, donorId, {
      topic: 'statement.ready',
      key: `email:statement.ready:${donorId}:${s.year}`,
      payload: (donor) => ({
        year: s.year,
        statementNumber: s.number,
        statementUrl: `${donor.pageUrl}/statement.pdf?year=${s.year}`,
      }),
    });
  }
  return { number: s.number, year: s.year, donorId: s.donorId, issuedAt: s.issuedAt, created: s.created };
}

/** POST /api/donors/:id/statements: one transaction, logged after commit. */
export async function issueDonorStatement(donorId: number, year: number, actor: Actor): Promise<IssuedStatement> {
  const issued = await withTransaction((transaction) => issueStatement(donorId, year, actor, transaction));
  logger.info('donor.statement_issued', { donorId, year, number: issued.number, created: issued.created });
  return issued;
}

/** The statement issued for `year`, or 404 saying it was not issued yet (reading never issues one). */
export async function issuedStatement(donor: Pick<Donor, 'id'>, year: number): Promise<StatementRecord> {
  const statement = await findStatement(donor.id, year);
  if (!statement)
    throw new NotFoundError(
      `No statement for ${year} has been issued to donor ${donor.id} yet; a manager issues it with POST /api/donors/${donor.id}/statements`,
      { year, issued: false },
    );
  return statement;
}

/**
 * The PDF of an issued statement, in `lang` or else the donor's language; `withLink` prints the donor's page link (QR).
 */
export async function statementPdf(
  donor: Donor,
  statement: StatementRecord,
  withLink: boolean,
  lang?: DonorLanguage,
): Promise<PdfJob> {
  const language = lang ?? languageOf(donor.preferredLanguage);
  const [figures, letterhead] = await Promise.all([statementFigures(donor, statement.year), loadLetterhead()]);
  return {
    fileName: `statement-${statement.number}.pdf`,
    options: {
      size: 'A4',
      bufferPages: true,
      lang: language,
      title: `${W.title[language]} ${statement.number}`,
      author: letterhead.nameLatin || letterhead.name,
      subject: String(statement.year),
    },
    // The letterhead and footers name the charity's licence in the statement's Latin language (Arabic: English).
    draw: (doc) =>
      drawingIn(language === 'fr' ? 'fr' : 'en', () =>
        drawDonorStatement(
          doc,
          {
            language,
            number: statement.number,
            year: statement.year,
            issuedAt: statement.issuedAt,
            printedAt: new Date(),
            donor: { kind: donor.kind, name: donor.name, nameLatin: donor.nameLatin, crNumber: donor.crNumber },
            figures,
            pageUrl: withLink && donor.pageToken ? pageUrlOf(donor.pageToken) : null,
          },
          letterhead,
        ),
      ),
  };
}

/** GET /api/donors/:id/statement.pdf?year=&lang=: 404 for an unknown donor or a year not issued. */
export async function staffStatementPdf(
  donorId: number,
  year: number,
  role: Role,
  lang?: DonorLanguage,
): Promise<PdfJob> {
  const donor = await findDonor(donorId);
  return statementPdf(donor, await issuedStatement(donor, year), maySeeDonorPage(role), lang);
}
