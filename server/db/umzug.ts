// Schema history (migrations/) and demo data (seeders/), both run by umzug with Sequelize's QueryInterface.
import { pathToFileURL } from 'node:url';
import type { QueryInterface } from 'sequelize';
import { Umzug, SequelizeStorage, type MigrationFn } from 'umzug';
import { getSequelize } from './sequelize.js';
import { logger } from '../lib/logger.js';
import { codeExt, codeRoot } from '../paths.js';

export type Migration = MigrationFn<QueryInterface>;

// umzug names a migration after its file, and that name is what schema_migrations / seeder_meta store.
// The history was written with '.ts' names (tsx), so the compiled build reports its '.js' files under the
// same '.ts' names: otherwise it would see every migration as pending and run it again.
const storedName = (file: string): string => file.replace(/\.js$/, '.ts');

function createUmzug(folder: 'migrations' | 'seeders', tableName: string) {
  const sequelize = getSequelize();
  return new Umzug<QueryInterface>({
    migrations: {
      glob: [`${folder}/*${codeExt}`, { cwd: codeRoot }],
      resolve: ({ name: fileName, path: file, context }) => {
        const name = storedName(fileName);
        const load = async () => (await import(pathToFileURL(file!).href)) as { up: Migration; down?: Migration };
        return {
          name,
          up: async () => (await load()).up({ name, path: file, context }),
          down: async () => (await load()).down?.({ name, path: file, context }),
        };
      },
    },
    context: sequelize.getQueryInterface(),
    // A model name per table: SequelizeStorage reuses a model by name, so two instances sharing the default
    // 'SequelizeMeta' would both write to whichever table was defined first.
    storage: new SequelizeStorage({ sequelize, tableName, modelName: tableName }),
    logger: {
      info: (m) => logger.debug('db.umzug', m),
      warn: (m) => logger.warn('db.umzug', m),
      error: (m) => logger.error('db.umzug', m),
      debug: () => undefined,
    },
  });
}

// Whoever migrates takes the boot lock around it (server.ts at start, the CLI's migrate), so that several processes
// starting at once apply each migration once.
export { withBootLock } from './boot-lock.js';

export const createMigrator = () => createUmzug('migrations', 'schema_migrations');
export const createSeeder = () => createUmzug('seeders', 'seeder_meta');

export async function migrateUp(): Promise<string[]> {
  const done = await createMigrator().up();
  return done.map((m) => m.name);
}
