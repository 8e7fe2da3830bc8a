// Test environment, set before anything reads the configuration: a temp-file SQLite database unless
// DATABASE_URL names one (CI runs the suite again on MariaDB), a temp data folder, logs to a file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimah-test-'));
process.env.NODE_ENV = 'test';
process.env.ENV_FILE = ''; // a developer's .env must not change what the tests see
process.env.DATA_DIR = dir;
process.env.DATABASE_URL ||= `sqlite:${path.join(dir, 'test.sqlite')}`;
process.env.LOG_FILE ||= path.join(dir, 'test.log');
process.env.LOG_LEVEL ||= 'debug';
process.env.PUBLIC_URL ||= 'http://nimah.test';
process.env.PII_KEY ||= '0f'.repeat(32);
export const testDir = dir;
