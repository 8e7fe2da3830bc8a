// Mocha root hooks: check that every test file was loaded as an ES module, migrate once, empty every table before
// each test.
import './env.js';
import { QueryTypes } from 'sequelize';
import { config } from '../server/config.js';
import { closeSequelize, ensureDatabaseExists, getSequelize, withTransaction } from '../server/db/sequelize.js';
import { initModels } from '../server/models.js';
import { migrateUp } from '../server/db/umzug.js';
import { preparePiiKey } from '../server/lib/pii-key.js';
import { refreshSettingsCache } from '../server/modules/settings/index.js';
import { forgetApp } from './helpers/api.js';
import { assertLoadedAsEsModules } from './helpers/module-loading.js';

const KEEP = new Set(['schema_migrations', 'seeder_meta', 'sqlite_sequence']);
let tables: string[] = [];

async function listTables(): Promise<string[]> {
  const sequelize = getSequelize();
  const rows =
    config.db.dialect === 'sqlite'
      ? await sequelize.query<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'", {
          type: QueryTypes.SELECT,
        })
      : await sequelize.query<{ name: string }>(
          'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()',
          { type: QueryTypes.SELECT },
        );
  return rows.map((r) => r.name).filter((n) => !KEEP.has(n) && !n.startsWith('sqlite_'));
}

export async function truncateAll(): Promise<void> {
  const sequelize = getSequelize();
  if (config.db.dialect === 'sqlite') {
    await withTransaction(async (transaction) => {
      await sequelize.query('PRAGMA defer_foreign_keys = ON', { transaction });
      for (const t of tables) await sequelize.query(`DELETE FROM "${t}"`, { transaction });
    });
  } else {
    await withTransaction(async (transaction) => {
      await sequelize.query('SET FOREIGN_KEY_CHECKS = 0', { transaction });
      for (const t of tables) await sequelize.query(`DELETE FROM \`${t}\``, { transaction });
      await sequelize.query('SET FOREIGN_KEY_CHECKS = 1', { transaction });
    });
  }
}

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(120_000);
    // Runs once mocha has loaded every test file: none may hold a second, CommonJS copy of the server modules.
    assertLoadedAsEsModules();
    await preparePiiKey();
    await ensureDatabaseExists();
    initModels();
    await migrateUp();
    tables = await listTables();
  },
  async beforeEach() {
    forgetApp();
    await truncateAll();
    // As a restart on the emptied database would: the effective country is COUNTRY again (lib/country.ts).
    await refreshSettingsCache();
  },
  async afterAll() {
    await closeSequelize();
  },
};
