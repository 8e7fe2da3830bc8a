// The one-time setup (issue 22, spec §15): while no user exists, the charity, its first admin and its first
// programme are created in one transaction by POST /api/setup, which ends signed in. Safe on a public address: the
// request must carry the token of the link logged at start, unless it comes from the machine itself
// (setup.local.ts). Once a user exists every setup route answers 409.
import { config } from '../../config.js';
import { currentCountry } from '../../lib/country.js';
import { withTransaction } from '../../db/sequelize.js';
import { ForbiddenError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import { REGIONS } from '../../shared/regions.js';
import { citiesOf } from '../../shared/cities.js';
import type { SetupInput, SetupStatusDto } from '../../shared/setup.js';
import { anyUserExists, hashPassword, insertFirstAdmin, signedIn, type UserDto } from '../auth/index.js';
import { createProgrammeIn } from '../programmes/index.js';
import {
  alreadySetUp,
  claimSetup,
  dropSetupToken,
  ensureSetupToken,
  refreshSettingsCache,
  setupTokenMatches,
  updateSettings,
  writeSettings,
} from '../settings/index.js';
import { loadDemo } from './setup.demo.js';

const REGION_LIST = REGIONS.map((r) => ({
  ...r,
  cities: citiesOf(r.code).map(({ nameAr, nameEn, nameFr }) => ({ nameAr, nameEn, nameFr })),
}));

/** GET /api/setup: whether the setup is still to do and whether this caller needs the token. Never writes. */
export async function setupStatus(local: boolean): Promise<SetupStatusDto> {
  if (await anyUserExists()) throw alreadySetUp();
  return { needed: true, tokenRequired: !local, country: currentCountry(), regions: REGION_LIST };
}

/** 409 once a user exists, then 403 unless the token matches (or, without one, the request is local). */
export async function assertMaySetUp(token: string | undefined, local: boolean): Promise<void> {
  if (await anyUserExists()) throw alreadySetUp();
  const allowed = token === undefined ? local : await setupTokenMatches(token);
  if (!allowed)
    throw new ForbiddenError(
      token === undefined
        ? 'The setup needs the token of the link the server printed at start'
        : 'This setup token is wrong or was used',
      'SETUP_TOKEN_INVALID',
    );
}

export async function runSetup(
  input: SetupInput,
): Promise<{ token: string; expiresAt: Date; user: UserDto; demoLoaded: boolean }> {
  const { charity, admin, programme } = input;
  const passwordHash = await hashPassword(admin.password); // slow: before the transaction opens
  const user = await withTransaction(async (transaction) => {
    if (await anyUserExists(transaction)) throw alreadySetUp();
    await claimSetup(transaction); // of two setups at once, the second stops here with 409, having written nothing
    const created = await insertFirstAdmin(
      { email: admin.email, name: admin.name, language: admin.language ?? 'ar' },
      passwordHash,
      transaction,
    );
    await writeSettings(
      {
        charityName: charity.nameAr,
        charityNameLatin: charity.nameEn ?? '',
        charityLicence: charity.licence ?? '',
        country: charity.country,
        regionCode: charity.regionCode ?? null,
        city: charity.city ?? '',
      },
      transaction,
    );
    if (programme) await createProgrammeIn({ targetStudents: 0, ...programme }, transaction);
    return created;
  });
  await refreshSettingsCache(); // the chosen country applies from now on
  logger.info('setup.completed', { userId: user.id, country: charity.country, programme: Boolean(programme) });
  const session = await signedIn(user);
  let demoLoaded = false;
  if (input.demo) {
    // After the commit: the demo is large, and the charity exists whether or not it loads.
    try {
      await loadDemo();
      demoLoaded = true;
    } catch (error) {
      logger.error('setup.demo_failed', { error: (error as Error).message });
    }
  }
  return { ...session, demoLoaded };
}

/**
 * An unattended install (ADMIN_EMAIL/ADMIN_PASSWORD created the first admin): the charity from CHARITY_NAME,
 * CHARITY_NAME_LATIN and CHARITY_LICENCE, those that are set. The country is not stored: COUNTRY stays in force
 * until an admin chooses one in the settings.
 */
export async function storeConfiguredCharity(): Promise<void> {
  const { name, nameLatin, licence } = config.charity;
  const patch = {
    ...(name ? { charityName: name } : {}),
    ...(nameLatin ? { charityNameLatin: nameLatin } : {}),
    ...(licence ? { charityLicence: licence } : {}),
  };
  if (Object.keys(patch).length) await updateSettings(patch);
}

/**
 * At start: while no user exists, the setup link with a fresh (or the shared, if another instance made it) token,
 * logged at info and printed to the terminal. Once a user exists, nothing is logged and any leftover token goes.
 */
export async function announceSetup(): Promise<string | undefined> {
  if (await anyUserExists()) {
    await dropSetupToken();
    return undefined;
  }
  const link = `${config.publicUrl}/setup?token=${await ensureSetupToken()}`;
  logger.info('setup.link', { link, hint: 'open this link to set up Nimah; it works once' });
  return link;
}
