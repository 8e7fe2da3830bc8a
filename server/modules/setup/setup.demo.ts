// The demo data on request (issue 22): the setup's checkbox loads what `npm run db:seed` loads (seeders/), and
// DELETE /api/settings/demo removes exactly it. Demo records are recognised as the seeders know them: donations by
// the "Demo lot NN" of their notes (and their devices), people by their national-ID hash, accounts by their e-mail,
// donors by name, sites by code. Real records are never touched: a site, donor or account that a real record refers
// to stays.
import { randomBytes } from 'node:crypto';
import { withTransaction } from '../../db/sequelize.js';
import { logger } from '../../lib/logger.js';
import { rebuildFigures } from '../figures/index.js';
import { updateSettings } from '../settings/index.js';
import { seedDemoData } from '../../../seeders/2026.11.25T01.00.00.demo-data.js';
import {
  removeSetupDemoProgramme,
  seedDemoProgramme,
  SETUP_DEMO_PROGRAMME,
} from '../../../seeders/2026.11.25T01.10.00.demo-programme.js';
import { demoDeviceIds, removeDemoData } from '../../../seeders/demo/remove.js';
import { USERS } from '../../../seeders/demo/people.js';

/** The demo's accounts: the setup's admin may not take one of their e-mails when the demo is loaded with it. */
export const DEMO_ACCOUNT_EMAILS: readonly string[] = USERS.map((u) => u.email);

export interface DemoRemoved {
  donations: number;
  devices: number;
  donors: number;
  sites: number;
  users: number;
  allocations: number;
  beneficiaries: number;
  programmes: number;
}

/**
 * Loads the demo. Its 4 staff accounts get a random password nobody is told (the published demo password is for
 * `npm run db:seed` on a developer's machine, never for a server the setup may have put on a public address).
 */
export async function loadDemo(): Promise<void> {
  const seeded = await seedDemoData({ password: randomBytes(24).toString('base64url') });
  const programme = await seedDemoProgramme(SETUP_DEMO_PROGRAMME);
  await rebuildFigures(); // the demo's rows were written directly, not through the writers that keep the figures
  await updateSettings({ demo: true });
  logger.info('setup.demo_loaded', { devices: seeded.devices, allocations: programme.allocations });
}

/** Removes the demo in one transaction, then recounts the figures; answers what was removed. */
export async function removeDemo(): Promise<DemoRemoved> {
  const removed = await withTransaction(async (transaction) => {
    const programme = await removeSetupDemoProgramme(await demoDeviceIds(transaction), transaction);
    return { ...(await removeDemoData(transaction)), ...programme };
  });
  await rebuildFigures();
  await updateSettings({ demo: false });
  logger.info('setup.demo_removed', { ...removed });
  return removed;
}
