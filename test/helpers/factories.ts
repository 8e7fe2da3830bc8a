// Test data built directly in the database (the API is what is under test, not the factories).
import { User } from '../../server/modules/auth/auth.model.js';
import { hashPassword, type Role } from '../../server/modules/auth/index.js';
import { openSession } from '../../server/modules/auth/auth.sessions.js';
import { withTransaction } from '../../server/db/sequelize.js';

export const TEST_PASSWORD = 'correct horse battery';
let passwordHash: string | undefined;
let counter = 0;

export async function createUser(
  role: Role,
  fields: Partial<{ email: string; name: string; active: boolean }> = {},
): Promise<User> {
  passwordHash ??= await hashPassword(TEST_PASSWORD);
  counter += 1;
  return withTransaction((transaction) =>
    User.create(
      {
        email: fields.email ?? `${role}${counter}@nimah.test`,
        name: fields.name ?? `${role} ${counter}`,
        role,
        passwordHash: passwordHash!,
        active: fields.active ?? true,
      },
      { transaction },
    ),
  );
}

/** A signed-in user of the role: returns the user and a bearer token. */
export async function signIn(role: Role): Promise<{ user: User; token: string }> {
  const user = await createUser(role);
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
