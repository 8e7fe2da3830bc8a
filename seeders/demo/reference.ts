// Staff accounts, sites and donors: looked up by natural key (e-mail, site code, donor name), created if missing.
import type { Transaction } from 'sequelize';
import { User } from '../../server/modules/auth/auth.model.js';
import { hashPassword } from '../../server/modules/auth/index.js';
import { Donor } from '../../server/modules/donors/donors.model.js';
import { Site } from '../../server/modules/sites/sites.model.js';
import { DEMO_PASSWORD, DONORS, SITES, USERS } from './people.js';
import type { Performer } from './paths.js';

export type Staff = Readonly<Record<Performer, number>>;

/**
 * scrypt is deliberately slow (N=2^17: ~0.3 s and 128 MiB each): hash before the transaction opens, so the write lock
 * is held for less time, and once for all demo accounts: they share one published password, so a salt per account
 * would hide nothing.
 */
export async function hashDemoPasswords(password = DEMO_PASSWORD): Promise<string[]> {
  const hash = await hashPassword(password);
  return USERS.map(() => hash);
}

export async function ensureUsers(
  hashes: string[],
  transaction: Transaction,
): Promise<{ staff: Staff; created: number }> {
  const found = await User.findAll({ where: { email: USERS.map((u) => u.email) }, transaction });
  const ids = new Map(found.map((u) => [u.email, u.id]));
  let created = 0;
  for (const [i, u] of USERS.entries()) {
    if (ids.has(u.email)) continue;
    const user = await User.create({ ...u, passwordHash: hashes[i] }, { transaction });
    ids.set(u.email, user.id);
    created += 1;
  }
  const idOf = (role: string) => ids.get(USERS.find((u) => u.role === role)!.email)!;
  return { staff: { technician: idOf('technician'), manager: idOf('manager') }, created };
}

/** Site code → id. */
export async function ensureSites(transaction: Transaction): Promise<{ ids: Map<string, number>; created: number }> {
  const found = await Site.findAll({ where: { code: SITES.map((s) => s.code) }, transaction });
  const ids = new Map(found.map((s) => [s.code, s.id]));
  let created = 0;
  for (const s of SITES) {
    if (ids.has(s.code)) continue;
    ids.set(s.code, (await Site.create({ ...s }, { transaction })).id);
    created += 1;
  }
  return { ids, created };
}

/** Donor ids in the order of DONORS. */
export async function ensureDonors(transaction: Transaction): Promise<{ ids: number[]; created: number }> {
  const found = await Donor.findAll({
    where: { name: DONORS.map((d) => d.name) },
    order: [['id', 'ASC']],
    transaction,
  });
  const byName = new Map<string, number>();
  for (const d of found) if (!byName.has(d.name)) byName.set(d.name, d.id);
  let created = 0;
  for (const d of DONORS) {
    if (byName.has(d.name)) continue;
    const { site: _site, ...fields } = d;
    byName.set(d.name, (await Donor.create(fields, { transaction })).id);
    created += 1;
  }
  return { ids: DONORS.map((d) => byName.get(d.name)!), created };
}
