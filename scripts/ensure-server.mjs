// `npm start` runs the compiled server (dist/server/main.js) with plain node: tsx would cost ~45 MB of resident
// memory. Compile it when dist/ is missing or older than the sources, so a fresh clone or a `git pull` needs
// nothing but `npm start`. `--force` (npm run build:server) always compiles.
import { existsSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// Written after a successful compile, dated when it began: a source saved during the compile is still newer.
const stamp = path.join(root, 'dist', '.built');
const SOURCE_DIRS = ['server', 'migrations', 'seeders'];
const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json']; // package.json: /api/health copies its version

/** Newest mtime of every .ts file and every folder (a deleted or renamed file only changes its folder's). */
function newestSource() {
  let newest = Math.max(...CONFIG_FILES.map((f) => statSync(path.join(root, f)).mtimeMs));
  const walk = (dir) => {
    newest = Math.max(newest, statSync(dir).mtimeMs);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) walk(path.join(root, dir));
  return newest;
}

function tscPath() {
  try {
    return createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    // TypeScript and the server's @types are dependencies, not devDependencies, so that a production install
    // (NODE_ENV=production, --omit=dev) can compile: reaching this means node_modules is incomplete.
    throw new Error(
      'dist/ is missing or out of date and TypeScript is not installed: run `npm install` (or `npm ci`) first.',
    );
  }
}

function build() {
  const began = new Date();
  process.stdout.write('compiling the server into dist/ …\n');
  let out;
  try {
    out = execFileSync(process.execPath, [tscPath(), '-p', 'tsconfig.build.json', '--listEmittedFiles'], {
      cwd: root,
      encoding: 'utf8',
    });
  } catch (err) {
    process.stdout.write(err.stdout ?? ''); // tsc prints its errors on stdout
    throw err;
  }
  const emitted = new Set(
    out
      .split('\n')
      .filter((l) => l.startsWith('TSFILE: '))
      .map((l) => path.resolve(l.slice(8))),
  );
  pruneStale(path.join(root, 'dist'), emitted);
  writeFileSync(stamp, '');
  utimesSync(stamp, began, began);
}

// Removes what this compile did not write: a deleted migration must not live on as a dist/migrations/*.js that
// still runs. Pruning instead of emptying dist/ first leaves a server starting from dist/ meanwhile unharmed.
function pruneStale(dir, emitted) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) pruneStale(full, emitted);
    else if (!emitted.has(full) && full !== stamp) rmSync(full, { force: true });
  }
}

const fresh = () => existsSync(stamp) && statSync(stamp).mtimeMs >= newestSource();

if (process.argv.includes('--force') || !fresh()) {
  try {
    build();
  } catch (err) {
    // tsc has already printed its errors; the stack of execFileSync adds nothing.
    process.stderr.write(`${err.status === undefined ? err.message : 'the server did not compile (see above)'}\n`);
    process.exit(1);
  }
}
