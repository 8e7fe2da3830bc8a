import { Op, type Transaction } from 'sequelize';
import { withTransaction } from '../../db/sequelize.js';
import { NotFoundError } from '../../lib/errors.js';
import { offsetOf, type Page } from '../../lib/pagination.js';
import { containsPattern } from '../../lib/sql.js';
import { Donor } from './donors.model.js';
import {
  mayContactDonors,
  toDonorDto,
  type DonorInput,
  type DonorListQuery,
  type DonorPatch,
} from './donors.schema.js';
import type { Role } from '../auth/index.js';
import type { DonorDto } from '../../shared/index.js';

export async function createDonor(input: DonorInput, transaction?: Transaction): Promise<Donor> {
  const create = (t: Transaction) =>
    Donor.create(
      {
        kind: input.kind,
        name: input.name,
        nameLatin: input.nameLatin ?? null,
        contactPerson: input.contactPerson ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        city: input.city ?? null,
        crNumber: input.crNumber ?? null,
        preferredLanguage: input.preferredLanguage,
        creditOnCertificates: input.creditOnCertificates ?? false,
      },
      { transaction: t },
    );
  return transaction ? create(transaction) : withTransaction(create);
}

export async function listDonors(q: DonorListQuery, role: Role): Promise<Page<DonorDto>> {
  const where: Record<string | symbol, unknown> = {};
  if (q.kind) where.kind = q.kind;
  if (q.q) {
    const like = containsPattern(q.q);
    // A viewer does not see emails, so a search must not confirm one either.
    const email = mayContactDonors(role) ? [{ email: { [Op.like]: like } }] : [];
    where[Op.or] = [{ name: { [Op.like]: like } }, { nameLatin: { [Op.like]: like } }, ...email];
  }
  const { rows, count } = await Donor.findAndCountAll({
    where,
    order: [
      ['name', 'ASC'],
      ['id', 'ASC'],
    ],
    limit: q.pageSize,
    offset: offsetOf(q),
  });
  return {
    items: rows.map((d) => toDonorDto(d, role, { inList: true })),
    total: count,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Whether donor `id` exists (read inside the caller's transaction). */
export async function donorExists(id: number, transaction?: Transaction): Promise<boolean> {
  return (await Donor.count({ where: { id }, transaction })) > 0;
}

export async function findDonor(id: number): Promise<Donor> {
  const donor = await Donor.findByPk(id);
  if (!donor) throw new NotFoundError(`Donor ${id} not found`);
  return donor;
}

export async function updateDonor(id: number, input: DonorPatch, role: Role): Promise<DonorDto> {
  const donor = await findDonor(id);
  const changes = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, v === '' ? null : v]));
  await withTransaction((transaction) => donor.update(changes, { transaction }));
  return toDonorDto(donor, role);
}
