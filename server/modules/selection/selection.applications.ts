// The public application form of a programme (spec §14): open while the programme's `applicationsOpen` is set, no
// sign-in. The route rate-limits by address and refuses a filled honeypot like the pledge form; the body is
// validated like the registry's (national ID with its check digit, phone, region, birth date). Then, in one
// transaction:
// - the applicant must pass the programme's eligibility (422 NOT_ELIGIBLE naming each rule, nothing written);
// - a national ID that applied to this programme already: 409 DUPLICATE_APPLICATION, nothing written;
// - a national ID in the registry already: that record is linked as it is (its data is not changed) and an `applied`
//   audit row notes the application; otherwise the applicant is registered through the beneficiaries module
//   (status `applied`, the ID encrypted, consent recorded as given on the form, audit with no actor);
// - the application row with its reference (AP-2026-000001, a sequence per year in the charity's time zone);
// - with consent, the acknowledgement SMS in the outbox (the SMS module words it and reads the phone at send time).
// Neither the national ID nor the phone is ever logged.
import { UniqueConstraintError, type Transaction } from 'sequelize';
import { nextSequenceValue } from '../../db/sequences.js';
import { withTransaction } from '../../db/sequelize.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import {
  auditBeneficiary,
  beneficiaryByNationalId,
  charityToday,
  enqueueFamilyMessages,
  registerApplicant,
} from '../beneficiaries/index.js';
import { eligibilityOf, findProgramme, type Programme } from '../programmes/index.js';
import type { PublicApplicationDto, PublicApplicationInput, PublicProgrammeDto } from '../../shared/index.js';
import { eligibilityFailures, type RuleFailure } from './selection.eligibility.js';
import { ProgrammeApplication } from './selection.model.js';
import { toPublicProgrammeDto } from './selection.schema.js';

/** The programme, when its form is open; 404 otherwise (a closed programme looks like none). */
async function openProgramme(id: number): Promise<Programme> {
  const p = await findProgramme(id).catch(() => null);
  if (!p?.applicationsOpen) throw new NotFoundError(`No programme ${id} is taking applications`);
  return p;
}

export async function readPublicProgramme(id: number): Promise<PublicProgrammeDto> {
  return toPublicProgrammeDto(await openProgramme(id));
}

/** Which field of the form each rule reads. */
const FORM_FIELD: Readonly<Record<RuleFailure['rule'], keyof PublicApplicationInput>> = {
  kind: 'kind',
  age: 'birthDate',
  region: 'regionCode',
  income: 'monthlyIncome',
};

function assertEligible(p: Programme, input: PublicApplicationInput): void {
  const failures = eligibilityFailures(
    {
      kind: input.kind,
      birthDate: input.birthDate,
      regionCode: input.regionCode,
      householdSize: input.householdSize,
      monthlyIncome: input.monthlyIncome,
    },
    eligibilityOf(p),
    charityToday(),
  );
  if (failures.length)
    throw new UnprocessableError(
      'NOT_ELIGIBLE',
      'The applicant does not meet the programme’s rules',
      failures.map((f) => ({
        path: FORM_FIELD[f.rule],
        rule: `eligibility.${f.field}`,
        message: `does not meet the programme's ${f.field}`,
      })),
    );
}

export const applicationReference = (year: string, n: number): string => `AP-${year}-${String(n).padStart(6, '0')}`;

async function nextReference(transaction: Transaction): Promise<string> {
  const year = charityToday().slice(0, 4);
  return applicationReference(year, await nextSequenceValue(`application:${year}`, transaction));
}

interface Applied {
  applicationId: number;
  beneficiaryId: number;
  linked: boolean;
  reference: string;
  smsQueued: boolean;
}

function record(p: Programme, input: PublicApplicationInput): Promise<Applied> {
  return withTransaction(async (transaction) => {
    const existing = await beneficiaryByNationalId(input.nationalId, transaction);
    if (existing) {
      const applied = await ProgrammeApplication.findOne({
        where: { programmeId: p.id, beneficiaryId: existing.id },
        attributes: ['id'],
        transaction,
      });
      if (applied)
        throw new ConflictError('DUPLICATE_APPLICATION', 'This national ID has applied to this programme already', {
          programmeId: p.id,
        });
      await auditBeneficiary(
        { beneficiaryId: existing.id, actorId: null, action: 'applied', fields: ['programmeApplication'] },
        transaction,
      );
    }
    const beneficiary =
      existing ??
      (await registerApplicant(
        {
          kind: input.kind,
          name: input.name,
          nationalId: input.nationalId,
          phone: input.phone,
          city: input.city,
          regionCode: input.regionCode,
          birthDate: input.birthDate,
          householdSize: input.householdSize,
          monthlyIncome: input.monthlyIncome,
          schoolChildren: input.schoolChildren ?? 0,
          need: input.need ?? 'any',
          purpose: input.purpose ?? 'general',
          contactConsent: input.contactConsent
            ? { given: true, channel: 'sms', language: input.contactLanguage ?? null }
            : { given: false },
        },
        transaction,
      ));
    const reference = await nextReference(transaction);
    const application = await ProgrammeApplication.create(
      { programmeId: p.id, beneficiaryId: beneficiary.id, reference, motivation: input.motivation ?? null },
      { transaction },
    );
    // Only a consenting applicant is written to; a linked record is written to only when it consented already.
    const queued = input.contactConsent
      ? await enqueueFamilyMessages(transaction, beneficiary, [
          {
            topic: 'sms.application_received',
            key: `sms:application:${application.id}`,
            payload: { reference, programmeName: p.name, programmeNameLatin: p.nameLatin ?? null },
          },
        ])
      : 0;
    return {
      applicationId: application.id,
      beneficiaryId: beneficiary.id,
      linked: Boolean(existing),
      reference,
      smsQueued: queued > 0,
    };
  });
}

export async function applyToProgramme(
  programmeId: number,
  input: PublicApplicationInput,
): Promise<PublicApplicationDto> {
  const programme = await openProgramme(programmeId);
  assertEligible(programme, input);
  // Two applications with one national ID at once on MariaDB: both find nothing, a unique key stops the second,
  // which runs again and then finds the first (linked, or a duplicate of this programme's application).
  const applied = await record(programme, input).catch((err: unknown) => {
    if (err instanceof UniqueConstraintError) return record(programme, input);
    throw err;
  });
  logger.info('selection.application', {
    programmeId,
    applicationId: applied.applicationId,
    beneficiaryId: applied.beneficiaryId,
    linked: applied.linked,
    smsQueued: applied.smsQueued,
  });
  return { reference: applied.reference, programmeId, smsQueued: applied.smsQueued };
}
