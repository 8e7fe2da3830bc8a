// Boot check (a step of .ci/run): each way of installing that the README promises, tried the way a newcomer
// would. For each mode: a fresh `git clone` of this repository's committed HEAD, the install command, then
// `npm start` on a free port with an empty temp data folder (SQLite); `/` must serve the built client (its HTML
// and its script) and `/api/health` must answer status ok. Each mode counts as one test (mocha-style summary).
//
//   node scripts/boot-check.mjs [mode ...]    modes: install, production-install, ci-omit-dev (default: all three)
//   KEEP_BOOT_CHECK=1 keeps the clones and their logs; BOOT_CHECK_COMPILE_SQLITE=1 compiles sqlite3 in every clone.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const MODES = {
  install: { label: 'npm install && npm start', install: ['install'], env: {} },
  // PII_KEY: production refuses to start without one (README, "Deploying").
  'production-install': {
    label: 'NODE_ENV=production npm install && npm start',
    install: ['install'],
    env: { NODE_ENV: 'production', PII_KEY: randomBytes(32).toString('hex') },
  },
  'ci-omit-dev': { label: 'npm ci --omit=dev && npm start', install: ['ci', '--omit=dev'], env: {} },
};
const INSTALL_MS = 8 * 60_000; // a cold sqlite3 compile on a busy 2-core machine takes minutes
const FIRST_START_MS = 5 * 60_000; // the first `npm start` builds the client and compiles the server
// What the caller's environment must not pass on: this check decides the mode, the port and the data folder.
const DROP =
  /^(npm_|NODE_ENV$|DATABASE_URL$|DATA_DIR$|UPLOAD_DIR$|PORT$|PII_KEY$|PUBLIC_URL$|TRUST_PROXY$|ADMIN_|LOG_FILE$|INIT_CWD$)/;

const seconds = (ms) => `${Math.round(ms / 1000)} s`;

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
      .on('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = srv.address();
        srv.close(() => resolve(port));
      });
  });
}

/**
 * sqlite3 has no prebuilt binary this machine can download, so each clone would compile it (minutes). Its own
 * installer (prebuild-install) takes a "local prebuild" instead: this checkout's binary, built from the same
 * lockfile by its own `npm ci`. Returns the env that points there, or {} (then every clone compiles).
 */
function sqlitePrebuild(dir) {
  const pkgDir = path.join(root, 'node_modules', 'sqlite3');
  const binary = path.join(pkgDir, 'build', 'Release', 'node_sqlite3.node');
  const glibc = Boolean(process.report.getReport().header.glibcVersionRuntime);
  if (process.env.BOOT_CHECK_COMPILE_SQLITE === '1' || !existsSync(binary) || !glibc) return {};
  const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  const napi = Math.max(...pkg.binary.napi_versions.filter((v) => v <= Number(process.versions.napi)));
  mkdirSync(dir, { recursive: true });
  const name = `sqlite3-v${pkg.version}-napi-v${napi}-${process.platform}-${process.arch}.tar.gz`;
  execFileSync('tar', ['-czf', path.join(dir, name), '-C', pkgDir, 'build/Release/node_sqlite3.node']);
  console.log(`  sqlite3 ${pkg.version}: the clones reuse this checkout's compiled binary (${name})`);
  // Read by prebuild-install from the environment; npm warns that it does not know it as one of its own settings.
  return { npm_config_sqlite3_local_prebuilds: dir };
}

/** Runs a command in its own process group, output to `logFile`; resolves with its exit code (null: killed). */
function run(cmd, args, { cwd, env, logFile, timeoutMs }) {
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const exited = new Promise((resolve) =>
    child.on('exit', (code) => {
      log.end();
      resolve(code);
    }),
  );
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const kill = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        /* already gone */
      }
    };
    kill('SIGTERM');
    const timer = setTimeout(() => kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const timer = timeoutMs ? setTimeout(stop, timeoutMs) : null;
  exited.then(() => timer && clearTimeout(timer));
  return { exited, stop, child };
}

async function get(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
}

/** Polls /api/health until it answers, the server exits, or the time is up. */
async function waitForServer(base, server, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.child.exitCode !== null)
      throw new Error(`npm start exited with ${server.child.exitCode} before it answered`);
    try {
      return await get(`${base}/api/health`);
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no answer on ${base}/api/health after ${seconds(timeoutMs)}`);
}

/** What a working deploy serves: health ok, the built client's page, and the script that page loads. */
async function checkServed(base, health) {
  let healthBody = {};
  try {
    healthBody = JSON.parse(health.body);
  } catch {
    /* not JSON: reported below with the body */
  }
  if (health.status !== 200 || healthBody.status !== 'ok')
    throw new Error(`/api/health: ${health.status} ${health.body.slice(0, 200)}`);
  const page = await get(`${base}/`);
  if (page.status !== 200 || !page.type.startsWith('text/html') || !page.body.includes('<div id="root">')) {
    throw new Error(`/: ${page.status} ${page.type} ${page.body.slice(0, 200)}`);
  }
  const script = page.body.match(/<script[^>]+src="(\/assets\/[^"]+\.js)"/)?.[1];
  if (!script) throw new Error(`/ is not the built client (no /assets/*.js script): ${page.body.slice(0, 300)}`);
  const js = await get(`${base}${script}`);
  if (js.status !== 200 || !/javascript/.test(js.type)) throw new Error(`${script}: ${js.status} ${js.type}`);
  return `health ${healthBody.database} ${healthBody.version}, / and ${script}`;
}

async function bootMode(name, baseEnv, work) {
  const mode = MODES[name];
  const dir = path.join(work, name);
  const app = path.join(dir, 'app');
  const logFile = path.join(dir, 'output.log');
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['-c', 'advice.detachedHead=false', 'clone', '--quiet', root, app], { stdio: 'pipe' });
  const env = { ...baseEnv, ...mode.env };
  const began = Date.now();
  const install = run('npm', mode.install, { cwd: app, env, logFile, timeoutMs: INSTALL_MS });
  const installed = await install.exited;
  if (installed !== 0)
    throw new Error(
      `npm ${mode.install.join(' ')} ${installed === null ? `killed after ${seconds(INSTALL_MS)}` : `exited with ${installed}`}`,
    );
  const installMs = Date.now() - began;
  const port = await freePort();
  const startEnv = {
    ...env,
    PORT: String(port),
    DATA_DIR: path.join(dir, 'data'),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  };
  const server = run('npm', ['start'], { cwd: app, env: startEnv, logFile });
  try {
    const base = `http://127.0.0.1:${port}`;
    const served = await checkServed(base, await waitForServer(base, server, FIRST_START_MS));
    // The mode must have reached the server: production logs JSON lines, development plain text.
    const log = readFileSync(logFile, 'utf8');
    if (mode.env.NODE_ENV === 'production' && !/^\{".*"level":"info"/m.test(log))
      throw new Error('the server did not run in production mode (no JSON log line)');
    return `${served}; install ${seconds(installMs)}, first start ${seconds(Date.now() - began - installMs)}`;
  } finally {
    await server.stop();
  }
}

/** Each clone holds two node_modules: removed as soon as its mode is done, unless KEEP_BOOT_CHECK=1. */
function cleanUp(dir) {
  if (process.env.KEEP_BOOT_CHECK !== '1') rmSync(dir, { recursive: true, force: true });
}

async function main() {
  const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(MODES);
  const unknown = names.filter((n) => !MODES[n]);
  if (unknown.length > 0)
    throw new Error(`unknown mode ${unknown.join(', ')}; modes: ${Object.keys(MODES).join(', ')}`);
  const work = mkdtempSync(path.join(tmpdir(), 'nimah-boot-check-'));
  const head = execFileSync('git', ['log', '-1', '--format=%h %s'], { cwd: root, encoding: 'utf8' }).trim();
  console.log(`boot check: fresh clones of the committed HEAD (${head.slice(0, 100)}) in ${work}`);
  const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !DROP.test(k)));
  // The registry is only asked when the cache lacks a package; no audit or funding requests: speed, not behaviour.
  Object.assign(
    baseEnv,
    {
      npm_config_prefer_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    },
    sqlitePrebuild(path.join(work, 'prebuilds')),
  );
  const started = Date.now();
  const failures = [];
  for (const name of names) {
    const t0 = Date.now();
    try {
      const detail = await bootMode(name, baseEnv, work);
      console.log(`  ✔ ${MODES[name].label} (${seconds(Date.now() - t0)}: ${detail})`);
    } catch (err) {
      failures.push(name);
      console.log(`  ${failures.length}) ${MODES[name].label} (${seconds(Date.now() - t0)}): ${err.message}`);
      const log = path.join(work, name, 'output.log');
      if (existsSync(log))
        console.log(
          readFileSync(log, 'utf8')
            .split('\n')
            .slice(-40)
            .map((l) => `       ${l}`)
            .join('\n'),
        );
    }
    cleanUp(path.join(work, name));
  }
  console.log(`\n  ${names.length - failures.length} passing (${seconds(Date.now() - started)})`);
  if (failures.length > 0) console.log(`  ${failures.length} failing`);
  if (process.env.KEEP_BOOT_CHECK === '1') console.log(`  kept: ${work}`);
  cleanUp(work);
  process.exitCode = failures.length > 0 ? 1 : 0;
}

main().catch((err) => {
  console.error(`boot check: ${err.message}`);
  process.exitCode = 2;
});
