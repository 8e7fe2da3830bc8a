import { Op, UniqueConstraintError, type Transaction, type WhereOptions } from 'sequelize';
import { currentCountry } from '../../lib/country.js';
import { withTransaction } from '../../db/sequelize.js';
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import { offsetOf, type Page, type PageQuery } from '../../lib/pagination.js';
import { toE164 } from '../../lib/phone.js';
import { encryptPii, piiHash } from '../../lib/pii.js';
import { toLatinDigits } from '../../lib/text.js';
import { containsPattern } from '../../lib/sql.js';
import type { Actor } from '../auth/index.js';
import type { ContactConsentInput, InstitutionInput } from '../../shared/index.js';
import {
  toAuditDto,
  toBeneficiaryDto,
  type BeneficiaryAuditDto,
  type BeneficiaryDto,
  type BeneficiaryRedactedDto,
} from './beneficiaries.dto.js';
import { assertTransition } from './beneficiaries.lifecycle.js';
import { Beneficiary, BeneficiaryAudit } from './beneficiaries.model.js';
import { nationalIdAad, parseNationalId, visibleTail } from './beneficiaries.national-id.js';
import type { BeneficiaryInput, BeneficiaryListQuery, BeneficiaryPatch } from './beneficiaries.schema.js';
import { changeBeneficiaryStatus, writeAudit } from './beneficiaries.state.js';
import { partnerExists } from '../partners/index.js';

/** Lists and pages never need the ciphertext or the hash, so they are not even read. */
export const WITHOUT_SECRETS = { exclude: ['nationalIdEncrypted', 'nationalIdHash'] };

const nationalIdColumns = (id: string, rowId: number) => ({
  nationalIdEncrypted: encryptPii(id, nationalIdAad(rowId)),
  nationalIdHash: piiHash(id),
  nationalIdLast4: visibleTail(id),
});
/** What an insert writes before the row has the id the ciphertext is bound to; replaced in the same transaction. */
const PENDING_CIPHERTEXT = '';

/** The clean answer to a second application: checked before writing, so the message can point at the record. */
async function assertNewNationalId(hash: string, transaction: Transaction, selfId?: number): Promise<void> {
  const existing = await Beneficiary.findOne({ where: { nationalIdHash: hash }, attributes: ['id'], transaction });
  if (existing && existing.id !== selfId) throw duplicate(existing.id);
}

const duplicate = (existingId?: number, what = 'national ID') =>
  new ConflictError(
    'DUPLICATE_BENEFICIARY',
    `A beneficiary with this ${what} is registered already`,
    existingId ? { existingId } : undefined,
  );

/** The same for an institution's registration number (unique where given). */
async function assertNewRegistration(
  registrationNumber: string | null | undefined,
  transaction: Transaction,
  selfId?: number,
): Promise<void> {
  if (!registrationNumber) return;
  const existing = await Beneficiary.findOne({ where: { registrationNumber }, attributes: ['id'], transaction });
  if (existing && existing.id !== selfId) throw duplicate(existing.id, 'registration number');
}

/**
 * Two concurrent applications both pass the checks above on MySQL; the UNIQUE indexes on national_id_hash and
 * registration_number stop the second. They are the table's only unique keys besides the primary key.
 */
async function mappingDuplicates<T>(
  key: { hash?: string; registrationNumber?: string | null },
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof UniqueConstraintError)) throw err;
    if (key.hash) {
      const winner = await Beneficiary.findOne({ where: { nationalIdHash: key.hash }, attributes: ['id'] });
      if (winner) throw duplicate(winner.id);
    }
    if (key.registrationNumber) {
      const winner = await Beneficiary.findOne({
        where: { registrationNumber: key.registrationNumber },
        attributes: ['id'],
      });
      if (winner) throw duplicate(winner.id, 'registration number');
    }
    throw err;
  }
}

/** An institution's columns from its input (spec §13); people leave them null. */
function institutionColumns(i: InstitutionInput | undefined) {
  return i
    ? {
        institutionType: i.type,
        registrationNumber: i.registrationNumber ?? null,
        contactPerson: i.contactPerson,
        requestedDevices: i.requestedDevices,
        justification: i.justification ?? null,
      }
    : {};
}

async function assertPartner(partnerId: number | null | undefined, transaction: Transaction): Promise<void> {
  if (partnerId != null && !(await partnerExists(partnerId, transaction))) {
    throw new UnprocessableError('REFERENCE_NOT_FOUND', `Partner ${partnerId} does not exist`, [
      { path: 'partnerId', message: 'does not exist' },
    ]);
  }
}

type ConsentColumns = Pick<
  Beneficiary,
  'contactConsent' | 'contactConsentChannel' | 'contactLanguage' | 'contactConsentBy' | 'contactConsentAt'
>;

/**
 * The columns recording a family's answer, by `actorId` now. A withdrawal clears channel and language; a yes that
 * names no language keeps the one recorded before (`current`).
 */
function consentColumns(c: ContactConsentInput, actorId: number | null, current?: Beneficiary): ConsentColumns {
  return {
    contactConsent: c.given,
    contactConsentChannel: c.given ? (c.channel ?? null) : null,
    contactLanguage: c.given ? (c.language !== undefined ? c.language : (current?.contactLanguage ?? null)) : null,
    contactConsentBy: actorId,
    contactConsentAt: new Date(),
  };
}

/**
 * Whether the answer is the first one recorded or changes it (the same answer again keeps who recorded it first, and
 * when).
 */
const consentChanges = (b: Beneficiary, next: ConsentColumns): boolean =>
  b.contactConsentAt == null ||
  Boolean(b.contactConsent) !== next.contactConsent ||
  (b.contactConsentChannel ?? null) !== next.contactConsentChannel ||
  (b.contactLanguage ?? null) !== next.contactLanguage;

export async function createBeneficiary(input: BeneficiaryInput, actor: Actor): Promise<Beneficiary> {
  const hash = input.nationalId ? piiHash(input.nationalId) : undefined;
  const registrationNumber = input.institution?.registrationNumber ?? null;
  const b = await mappingDuplicates({ hash, registrationNumber }, () =>
    withTransaction((transaction) => insertBeneficiary(input, actor.id, transaction)),
  );
  logger.info('beneficiary.created', { beneficiaryId: b.id, actorId: actor.id });
  return b;
}

/**
 * A person who applied through a programme's public form (spec §14), inserted in the caller's transaction like a
 * manager's registration (the same checks, the national ID encrypted the same way, status `applied`), with the audit
 * row's actor null: nobody signed in. A national ID registered already is a 409 DUPLICATE_BENEFICIARY; the caller
 * looks it up first (`beneficiaryByNationalId`) and links that record instead.
 */
export function registerApplicant(input: BeneficiaryInput, transaction: Transaction): Promise<Beneficiary> {
  return insertBeneficiary(input, null, transaction);
}

/** The insert behind both: checks, row, ciphertext bound to the row's id, audit. `actorId` null = the public. */
async function insertBeneficiary(
  input: BeneficiaryInput,
  actorId: number | null,
  transaction: Transaction,
): Promise<Beneficiary> {
  const { nationalId, contactConsent, institution, ...rest } = input;
  const hash = nationalId ? piiHash(nationalId) : undefined;
  const registrationNumber = institution?.registrationNumber ?? null;
  if (hash) await assertNewNationalId(hash, transaction);
  await assertNewRegistration(registrationNumber, transaction);
  await assertPartner(input.partnerId, transaction);
  const created = await Beneficiary.create(
    {
      ...rest,
      ...institutionColumns(institution),
      householdSize: rest.householdSize ?? null,
      monthlyIncome: rest.monthlyIncome ?? null,
      nationalIdEncrypted: nationalId ? PENDING_CIPHERTEXT : null,
      nationalIdHash: hash ?? null,
      nationalIdLast4: nationalId ? visibleTail(nationalId) : null,
      city: rest.city ?? null,
      regionCode: rest.regionCode ?? null,
      region: rest.region ?? null,
      birthDate: rest.birthDate ?? null,
      partnerId: rest.partnerId ?? null,
      status: 'applied',
      statusChangedAt: new Date(),
      ...(contactConsent ? consentColumns(contactConsent, actorId) : {}),
    },
    { transaction },
  );
  if (nationalId)
    await created.update(
      { nationalIdEncrypted: nationalIdColumns(nationalId, created.id).nationalIdEncrypted },
      { transaction },
    );
  const fields = Object.keys(input).filter((k) => input[k as keyof BeneficiaryInput] != null);
  await writeAudit({ beneficiaryId: created.id, actorId, action: 'created', fields, toStatus: 'applied' }, transaction);
  return created;
}

/** The whole row (the hash is needed to compare IDs); DTOs never carry the secret columns. */
export async function findBeneficiary(id: number, transaction?: Transaction): Promise<Beneficiary> {
  const b = await Beneficiary.findByPk(id, { transaction });
  if (!b) throw new NotFoundError(`Beneficiary ${id} not found`);
  return b;
}

/** `q` finds a name fragment; a full national ID or phone number typed into the same box finds that person. */
function searchWhere(q: string): WhereOptions<Beneficiary> {
  const like = containsPattern(q);
  const or: WhereOptions<Beneficiary>[] = [{ name: { [Op.like]: like } }];
  const nationalId = parseNationalId(q, currentCountry());
  if (nationalId) or.push({ nationalIdHash: piiHash(nationalId) });
  const phone = /\d{6}/.test(toLatinDigits(q)) ? toE164(q, currentCountry()) : undefined;
  if (phone) or.push({ phone });
  return { [Op.or]: or };
}

export async function listBeneficiaries(
  q: BeneficiaryListQuery,
  actor: Actor,
): Promise<Page<BeneficiaryDto | BeneficiaryRedactedDto>> {
  const where: WhereOptions<Beneficiary>[] = [];
  if (q.status?.length) where.push({ status: q.status });
  if (q.kind) where.push({ kind: q.kind });
  if (q.need) where.push({ need: q.need });
  if (q.partnerId) where.push({ partnerId: q.partnerId });
  if (q.scopePartnerId) where.push({ partnerId: q.scopePartnerId });
  if (q.q) where.push(searchWhere(q.q));
  const { rows, count } = await Beneficiary.findAndCountAll({
    where: { [Op.and]: where },
    attributes: WITHOUT_SECRETS,
    order: [['id', 'DESC']],
    limit: q.pageSize,
    offset: offsetOf(q),
  });
  return { items: rows.map((b) => toBeneficiaryDto(b, actor.role)), total: count, page: q.page, pageSize: q.pageSize };
}

type Fields = Omit<BeneficiaryPatch, 'status' | 'rejectionReason'>;

/** The columns to write for a PATCH and the API names of the fields that really change. */
async function fieldChanges(
  b: Beneficiary,
  fields: Fields,
  actorId: number,
  transaction: Transaction,
): Promise<{ values: Partial<Beneficiary>; names: string[] }> {
  assertFieldsFitKind(b, fields);
  const values: Record<string, unknown> = {};
  const names: string[] = [];
  for (const [key, value] of Object.entries(fields) as [keyof Fields, unknown][]) {
    if (value === undefined || key === 'nationalId' || key === 'contactConsent' || key === 'institution') continue;
    if ((b.get(key) ?? null) !== value) {
      values[key] = value;
      names.push(key);
    }
  }
  if (fields.nationalId !== undefined && piiHash(fields.nationalId) !== b.nationalIdHash) {
    const ids = nationalIdColumns(fields.nationalId, b.id);
    await assertNewNationalId(ids.nationalIdHash, transaction, b.id);
    Object.assign(values, ids);
    names.push('nationalId');
  }
  if (fields.contactConsent) {
    const consent = consentColumns(fields.contactConsent, actorId, b);
    if (consentChanges(b, consent)) {
      Object.assign(values, consent);
      names.push('contactConsent');
    }
  }
  if (fields.institution) {
    await assertNewRegistration(fields.institution.registrationNumber, transaction, b.id);
    for (const [key, value] of Object.entries(institutionColumns(fields.institution)))
      if ((b.get(key as keyof Beneficiary) ?? null) !== value) {
        values[key] = value;
        if (!names.includes('institution')) names.push('institution');
      }
  }
  if (names.includes('partnerId')) await assertPartner(fields.partnerId, transaction);
  const household = fields.householdSize ?? b.householdSize ?? 0;
  if (b.kind !== 'institution' && (fields.schoolChildren ?? b.schoolChildren) > household) {
    throw new ValidationError('Request is invalid', [
      {
        path: 'schoolChildren',
        message: `cannot exceed householdSize (${household})`,
        type: 'schoolChildren.max',
        context: { limit: household },
      },
    ]);
  }
  return { values: values, names };
}

/**
 * A PATCH keeps a person a person and an institution an institution: the other kind's fields are refused (400), as is
 * a change of kind between the two.
 */
function assertFieldsFitKind(b: Beneficiary, fields: Fields): void {
  const institution = b.kind === 'institution';
  const wrong: { path: string; message: string; type: string }[] = [];
  if (fields.kind && (fields.kind === 'institution') !== institution)
    wrong.push({ path: 'kind', message: 'cannot change between a person and an institution', type: 'any.invalid' });
  const personFields = ['nationalId', 'birthDate', 'householdSize', 'monthlyIncome', 'schoolChildren'] as const;
  if (institution)
    for (const key of personFields)
      if (fields[key] !== undefined)
        wrong.push({ path: key, message: 'is not asked of an institution', type: 'any.unknown' });
  if (!institution && fields.institution)
    wrong.push({ path: 'institution', message: 'goes only with kind institution', type: 'any.unknown' });
  if (wrong.length) throw new ValidationError('Request is invalid', wrong);
}

export async function updateBeneficiary(id: number, patch: BeneficiaryPatch, actor: Actor): Promise<Beneficiary> {
  const { status, rejectionReason, ...fields } = patch;
  const hash = fields.nationalId ? piiHash(fields.nationalId) : undefined;
  const b = await mappingDuplicates({ hash, registrationNumber: fields.institution?.registrationNumber }, () =>
    withTransaction(async (transaction) => {
      const current = await findBeneficiary(id, transaction);
      const from = current.status;
      // Refuse an impossible status before touching any field, so the answer names the real problem.
      if (status && status !== from) assertTransition(from, status);
      const { values, names } = await fieldChanges(current, fields, actor.id, transaction);
      if (names.length) {
        const [changed] = await Beneficiary.update(values, { where: { id, status: from }, transaction });
        if (!changed)
          throw new ConflictError('STALE_BENEFICIARY', `Beneficiary ${id} changed meanwhile; reload and retry`, {
            expectedStatus: from,
          });
        await writeAudit({ beneficiaryId: id, actorId: actor.id, action: 'updated', fields: names }, transaction);
        await current.reload({ transaction });
      }
      if (status && status !== from)
        await changeBeneficiaryStatus(current, status, actor.id, transaction, { reason: rejectionReason });
      return current;
    }),
  );
  logger.info('beneficiary.updated', { beneficiaryId: id, actorId: actor.id, status: b.status });
  return b;
}

export async function listAudit(id: number, q: PageQuery): Promise<Page<BeneficiaryAuditDto>> {
  await findBeneficiary(id);
  const { rows, count } = await BeneficiaryAudit.findAndCountAll({
    where: { beneficiaryId: id },
    include: [{ association: 'actor', attributes: ['id', 'name'] }],
    order: [
      ['createdAt', 'ASC'],
      ['id', 'ASC'],
    ],
    limit: q.pageSize,
    offset: offsetOf(q),
  });
  return { items: rows.map(toAuditDto), total: count, page: q.page, pageSize: q.pageSize };
}
