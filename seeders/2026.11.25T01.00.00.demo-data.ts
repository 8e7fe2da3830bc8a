// Demo data for trying Nimah and for screenshots: 4 staff accounts (password "nimah-demo-password"), 3 sites,
// 20 donors, 40 donations, 400 devices in every lifecycle status with hash-chained histories.
// Idempotent: everything is looked up by natural key (e-mail, site code, donor name, "Demo lot NN" in the
// donation notes, device serial) and only what is missing is written, in one transaction.
// The models are used rather than the QueryInterface so that asset tags, donation codes and the event hash
// chain go through the application's own code paths.
import { withTransaction } from '../server/db/sequelize.js';
import { initModels } from '../server/models.js';
import { ensureDevices } from './demo/devices.js';
import { ensureDonations } from './demo/donations.js';
import { assertPlan, buildPlan } from './demo/plan.js';
import { ensureDonors, ensureSites, ensureUsers, hashDemoPasswords } from './demo/reference.js';
import { removeDemoData } from './demo/remove.js';
import type { Migration } from '../server/db/umzug.js';
import { rebuildFigures } from '../server/modules/figures/index.js';
import { updateSettings } from '../server/modules/settings/index.js';

export interface SeedResult {
  users: number;
  sites: number;
  donors: number;
  donations: number;
  devices: number;
}

/**
 * `password` replaces the published demo password of the 4 demo accounts: the setup (issue 22) loads the demo on a
 * server that may be on a public address, where accounts with a published password must not exist.
 */
export async function seedDemoData(options: { password?: string } = {}): Promise<SeedResult> {
  initModels();
  const lots = buildPlan();
  assertPlan(lots);
  const hashes = await hashDemoPasswords(options.password);
  return withTransaction(async (transaction) => {
    const users = await ensureUsers(hashes, transaction);
    const sites = await ensureSites(transaction);
    const donors = await ensureDonors(transaction);
    const refs = { donorIds: donors.ids, siteIds: sites.ids, staff: users.staff, now: new Date() };
    const donations = await ensureDonations(lots, refs, transaction);
    const devices = await ensureDevices(lots, donations.lots, users.staff, transaction);
    // Beneficiaries, partner organisations, the "Phase 1" programme (2,000 families) and allocations for the
    // allocated and handed-over devices go here once those modules exist (a later issue).
    return {
      users: users.created,
      sites: sites.created,
      donors: donors.created,
      donations: donations.created,
      devices,
    };
  });
}

export const up: Migration = async () => {
  await seedDemoData();
  await updateSettings({ demo: true }); // every screen shows the demo banner
};

export const down: Migration = async () => {
  initModels();
  await withTransaction((transaction) => removeDemoData(transaction));
  await rebuildFigures(); // the demo devices were deleted as rows
  await updateSettings({ demo: false });
};
