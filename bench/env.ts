// What the seeder, the server under test and the baseline share: credentials, key, pool size, environment.
import os from 'node:os';
import path from 'node:path';

export const BENCH_ADMIN = { email: 'bench-admin@nimah.test', password: 'bench-password-0123' };
/** A fixed 32-byte key, so the seeder's encrypted national IDs are readable by the server under test. */
export const BENCH_PII_KEY = 'be'.repeat(32);
/** Both servers get the same database pool, so the ratio compares code, not pool sizes. */
export const BENCH_POOL = 10;
export const TAG_PREFIX = 'NM';

export function serverEnv(url: string, port: number): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    PII_KEY: BENCH_PII_KEY,
    DATABASE_URL: url,
    PORT: String(port),
    DB_POOL_MAX: String(BENCH_POOL),
    DATA_DIR: path.join(os.tmpdir(), 'nimah-bench-data'),
    TAG_PREFIX,
    PUBLIC_URL: 'http://localhost',
  };
}
