#!/usr/bin/env node
// The JavaScript a user loads to see their first screen, gzipped, against its budget. Run after
// `npm run build --prefix client`:
//   node scripts/bundle-size.mjs [--budget 200]
// It reads Vite's manifest (client/dist/.vite/manifest.json, build.manifest in client/vite.config.ts). Every screen,
// and the signed-in shell (AppLayout), is a lazy chunk, so a landing screen costs the closure over static imports of
// the entry + the shell (for signed-in screens) + the screen's own chunk. Measured for the sign-in page and the home
// screen of each role (homeFor in client/src/shell/nav.ts); exit 1 if any is above the budget. Lazy chunks a screen
// fetches later (another language's messages, the user menu, the camera scanner, the intake bench's device form once
// a donation is chosen) are not counted; `then` names such a chunk whose extra weight is printed, not judged.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'client', 'dist');
const manifestPath = join(dist, '.vite', 'manifest.json');
const budgetArg = process.argv.indexOf('--budget');
const BUDGET_KB = budgetArg > 0 ? Number(process.argv[budgetArg + 1]) : 200;
const SHELL = 'src/shell/AppLayout.tsx';
// Keep in step with homeFor (client/src/shell/nav.ts): technicians land on /intake, every other role on /intake-queue.
const LANDINGS = [
  { name: 'sign-in (/login)', route: 'src/features/login/LoginPage.tsx', signedIn: false },
  // A technician lands on the donation picker; the device form comes with the chosen donation (IntakeBench).
  {
    name: 'technician (/intake)',
    route: 'src/features/intake/IntakeStationPage.tsx',
    signedIn: true,
    then: { name: 'the device form, once a donation is chosen', route: 'src/features/intake/IntakeBench.tsx' },
  },
  {
    name: 'admin, manager, viewer (/intake-queue)',
    route: 'src/features/intake-queue/IntakeQueuePage.tsx',
    signedIn: true,
  },
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
    if (seen.has(key)) continue;
    if (!manifest[key]) throw new Error(`${key} is not in the manifest: update scripts/bundle-size.mjs`);
    seen.add(key);
    closure(manifest[key].imports ?? [], seen);
  }
  return seen;
}
const gzipKb = (keys) =>
  [...keys].reduce((sum, key) => sum + gzipSync(readFileSync(join(dist, manifest[key].file))).length, 0) / 1024;

const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
let failed = false;
console.log(`first-screen JavaScript, gzipped (entry + ${SHELL.split('/').pop()} when signed in + the screen):`);
for (const { name, route, signedIn, then } of LANDINGS) {
  const keys = closure([...entries, ...(signedIn ? [SHELL] : []), route]);
  const kb = gzipKb(keys);
  failed ||= kb > BUDGET_KB;
  console.log(`  ${name}: ${kb.toFixed(1)} KB / ${BUDGET_KB} KB${kb > BUDGET_KB ? '  OVER' : ''}`);
  if (then) {
    const extra = [...closure([then.route])].filter((key) => !keys.has(key));
    console.log(`    then ${then.name}: +${gzipKb(extra).toFixed(1)} KB (not counted)`);
  }
}
if (failed) {
  console.error(`FAILED: a landing screen is above its budget (${BUDGET_KB} KB)`);
  process.exit(1);
}
console.log('ok');
