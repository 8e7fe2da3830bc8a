#!/usr/bin/env node
// The JavaScript the first screen loads, gzipped, against its budget. Run after `npm run build --prefix client`:
//   node scripts/bundle-size.mjs [--budget 200]
// It reads Vite's manifest (client/dist/.vite/manifest.json, build.manifest in client/vite.config.ts): the entry
// chunk and every chunk it imports statically are fetched before the first paint; that sum is checked against the
// budget (exit 1 above it). The screens people land on first (sign-in, the technicians' bench, the intake queue)
// also load their lazy route chunk: printed beside it, for information.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'client', 'dist');
const manifestPath = join(dist, '.vite', 'manifest.json');
const budgetArg = process.argv.indexOf('--budget');
const BUDGET_KB = budgetArg > 0 ? Number(process.argv[budgetArg + 1]) : 200;
const FIRST_ROUTES = [
  'src/features/login/LoginPage.tsx',
  'src/features/intake/IntakeStationPage.tsx',
  'src/features/intake-queue/IntakeQueuePage.tsx',
];

if (!existsSync(manifestPath)) {
  console.error(`${manifestPath} is missing: run \`npm run build --prefix client\` first (build.manifest must be on).`);
  process.exit(2);
}
/** @type {Record<string, { file: string; isEntry?: boolean; imports?: string[] }>} */
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

/** The manifest keys of `keys` and everything they import statically. */
function closure(keys, seen = new Set()) {
  for (const key of keys) {
    if (seen.has(key) || !manifest[key]) continue;
    seen.add(key);
    closure(manifest[key].imports ?? [], seen);
  }
  return seen;
}
const gzipKb = (keys) =>
  [...keys].reduce((sum, key) => sum + gzipSync(readFileSync(join(dist, manifest[key].file))).length, 0) / 1024;

const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
const shell = closure(entries);
const shellKb = gzipKb(shell);
console.log(
  `first screen JavaScript (entry + static imports, ${shell.size} chunk${shell.size === 1 ? '' : 's'}): ` +
    `${shellKb.toFixed(1)} KB gzipped; target ${BUDGET_KB} KB`,
);
for (const route of FIRST_ROUTES) {
  if (!manifest[route]) continue;
  const extra = closure([route], new Set(shell));
  for (const key of shell) extra.delete(key);
  console.log(
    `  with ${route
      .split('/')
      .pop()
      .replace(/\.tsx$/, '')}: ${(shellKb + gzipKb(extra)).toFixed(1)} KB gzipped`,
  );
}
if (shellKb > BUDGET_KB) {
  console.error(
    `OVER: the first screen's JavaScript is ${shellKb.toFixed(1)} KB gzipped, above the ${BUDGET_KB} KB target`,
  );
  process.exit(1);
}
console.log('ok');
