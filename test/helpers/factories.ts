// Test data built directly in the database (the API is what is under test, not the factories).
import { User } from '../../server/modules/auth/auth.model.js';
import { hashPassword, type Role } from '../../server/modules/auth/index.js';
import { openSession } from '../../server/modules/auth/auth.sessions.js';
import { withTransaction } from '../../server/db/sequelize.js';
import { Partner } from '../../server/modules/partners/partners.model.js';

export const TEST_PASSWORD = 'correct horse battery';
let passwordHash: string | undefined;
let counter = 0;

/** A partner organisation (an association that refers families and hands devices on). */
export async function createPartner(name = 'جمعية البر'): Promise<Partner> {
  counter += 1;
  return withTransaction((transaction) =>
    Partner.create(
      { name: `${name} ${counter}`, kind: 'association', city: 'الدمام', regionCode: 'SA-04' },
      { transaction },
    ),
  );
}

export async function createUser(
  role: Role,
  fields: Partial<{ email: string; name: string; active: boolean; partnerId: number }> = {},
): Promise<User> {
  passwordHash ??= await hashPassword(TEST_PASSWORD);
  const partnerId = role === 'partner' ? (fields.partnerId ?? (await createPartner()).id) : null;
  counter += 1;
  return withTransaction((transaction) =>
    User.create(
      {
        email: fields.email ?? `${role}${counter}@nimah.test`,
        name: fields.name ?? `${role} ${counter}`,
        role,
        partnerId,
        passwordHash: passwordHash!,
        active: fields.active ?? true,
      },
      { transaction },
    ),
  );
}

/** A signed-in user of the role (a partner user gets a partner of its own unless `partnerId` names one). */
export async function signIn(role: Role, fields: { partnerId?: number } = {}): Promise<{ user: User; token: string }> {
  const user = await createUser(role, fields);
  const { token } = await openSession(user.id);
  return { user, token };
}

import { Donor } from '../../server/modules/donors/donors.model.js';
import { Donation } from '../../server/modules/donations/donations.model.js';

let donationCounter = 0;

export async function createDonor(
  fields: Partial<{ name: string; kind: 'company' | 'individual' }> = {},
): Promise<Donor> {
  return withTransaction((transaction) =>
    Donor.create(
      {
        kind: fields.kind ?? 'company',
        name: fields.name ?? 'شركة الخليج للتقنية',
        nameLatin: 'Gulf Tech Co.',
        contactPerson: null,
        email: 'csr@gulftech.example',
        phone: '+966501234567',
        city: 'الدمام',
        crNumber: '2050012345',
      },
      { transaction },
    ),
  );
}

export async function createDonation(
  fields: Partial<{ status: 'pledged' | 'scheduled' | 'received' | 'closed'; donorId: number }> = {},
): Promise<Donation> {
  const donorId = fields.donorId ?? (await createDonor()).id;
  donationCounter += 1;
  return withTransaction((transaction) =>
    Donation.create(
      {
        code: `DN-2000-${String(donationCounter).padStart(4, '0')}`,
        donorId,
        channel: 'drop_off',
        status: fields.status ?? 'received',
        expectedCount: 10,
        siteId: null,
        notes: null,
        createdBy: null,
      },
      { transaction },
    ),
  );
}
