// `npm run db:seed` brings demo accounts with a published password: with NODE_ENV=production it refuses unless
// --force is given. Run as the real command line (a child process) on its own SQLite file.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { Sequelize, QueryTypes } from 'sequelize';
import { operatorEnv, runCli, tempDataDir } from '../helpers/processes.js';

const cli = (args: string[], env: Record<string, string>) => runCli(args, operatorEnv({ LOG_LEVEL: 'warn', ...env }));

async function userCount(file: string): Promise<number> {
  const db = new Sequelize({ dialect: 'sqlite', storage: file, logging: false });
  try {
    const [row] = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM users', { type: QueryTypes.SELECT });
    return Number(row.n);
  } finally {
    await db.close();
  }
}

describe('db:seed in production', function () {
  this.timeout(180_000);
  const dir = tempDataDir('seed-prod');
  const file = path.join(dir, 'prod.sqlite');
  const env = {
    NODE_ENV: 'production',
    PII_KEY: '5a'.repeat(32),
    DATA_DIR: dir,
    DATABASE_URL: `sqlite:${file}`,
    LOG_FILE: path.join(dir, 'cli.log'),
    PUBLIC_URL: 'https://nimah.example.org',
  };
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses to seed demo accounts without --force and creates none; with --force it seeds', async () => {
    const migrated = await cli(['migrate'], env);
    expect(migrated.code, migrated.out).to.equal(0);

    const refused = await cli(['seed'], env);

    expect(refused.code).to.equal(1);
    expect(refused.out).to.contain('refusing to seed with NODE_ENV=production').and.contain('--force');
    expect(await userCount(file)).to.equal(0);
    const reset = await cli(['reset'], env);
    expect(reset.code).to.equal(1);
    expect(await userCount(file)).to.equal(0);
    const forced = await cli(['seed', '--force'], env);
    expect(forced.code, forced.out).to.equal(0);
    expect(await userCount(file)).to.be.greaterThan(0);
  });
});
