// A fresh, empty database for a spawned server, of the dialect the suite runs on: a temp SQLite file, or (when
// the suite runs on MariaDB/MySQL) a database of the given name on the same server, dropped and created anew.
import fs from 'node:fs';
import path from 'node:path';
import { QueryTypes, Sequelize } from 'sequelize';
import { config } from '../../server/config.js';
import { tempDataDir } from '../helpers/processes.js';

export interface TargetDb {
  dialect: 'sqlite' | 'mysql';
  /** Variables for the spawned server or CLI. */
  env: Record<string, string>;
  dataDir: string;
  url: string;
  /** A Sequelize of the test process's own on the target, configured as the application's. */
  open(): Sequelize;
  /** Plain SQL against the target, from the test process (a connection of its own). */
  select: <T extends object>(sql: string, replacements?: Record<string, unknown>) => Promise<T[]>;
  /** Closes the test's own connection and removes the data folder (the database stays on a MySQL server). */
  close(): Promise<void>;
}

function mysqlUrl(name: string, server = config.db.url): string {
  const url = new URL(server.replace(/^mariadb:/, 'mysql:'));
  url.pathname = `/${name}`;
  return url.toString();
}

async function recreateMysqlDatabase(url: string, name: string): Promise<void> {
  const server = new URL(url);
  server.pathname = '/';
  const admin = new Sequelize(server.toString(), { dialect: 'mysql', logging: false });
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.close();
  }
}

/**
 * On the suite's dialect by default. `mysqlServer` (a mysql:// URL) asks for MySQL/MariaDB, `sqlite` for a SQLite
 * file, whatever the suite runs on.
 */
export async function freshTargetDb(
  prefix: string,
  mysqlName: string,
  want: { mysqlServer?: string; sqlite?: boolean } = {},
): Promise<TargetDb> {
  const dataDir = tempDataDir(prefix);
  const server = want.sqlite
    ? undefined
    : (want.mysqlServer ?? (config.db.dialect === 'mysql' ? config.db.url : undefined));
  const dialect = server ? 'mysql' : 'sqlite';
  let url = `sqlite:${path.join(dataDir, 'nimah.sqlite')}`;
  if (server) {
    // Named after the suite's own database too, so that two suites on one server (CI, or people working side by
    // side) never drop each other's.
    const name = config.db.dialect === 'mysql' ? `${mysqlName}_${new URL(config.db.url).pathname.slice(1)}` : mysqlName;
    url = mysqlUrl(name, server);
    await recreateMysqlDatabase(url, name);
  }
  let sequelize: Sequelize | undefined;
  const open = () => {
    sequelize ??=
      dialect === 'sqlite'
        ? new Sequelize({ dialect: 'sqlite', storage: url.slice('sqlite:'.length), logging: false })
        : new Sequelize(url, {
            dialect: 'mysql',
            logging: false,
            timezone: '+00:00',
            dialectOptions: { decimalNumbers: true, charset: 'utf8mb4' },
          });
    return sequelize;
  };
  return {
    dialect,
    dataDir,
    url,
    open,
    env: { DATA_DIR: dataDir, DATABASE_URL: url },
    select: <T extends object>(sql: string, replacements?: Record<string, unknown>) =>
      open().query<T>(sql, { type: QueryTypes.SELECT, replacements }),
    close: async () => {
      await sequelize?.close();
      sequelize = undefined;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Whether a MySQL/MariaDB server answers at `url` (for tests that cross dialects when one is at hand). */
export async function mysqlReachable(url: string): Promise<boolean> {
  const probe = new Sequelize(url, { dialect: 'mysql', logging: false, dialectOptions: { connectTimeout: 2000 } });
  try {
    await probe.authenticate();
    return true;
  } catch {
    return false;
  } finally {
    await probe.close();
  }
}
