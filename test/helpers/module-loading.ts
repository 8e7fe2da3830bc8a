// How the suite's files were loaded. Mocha 12 tries require() first on a Node with require(esm) (20.19 and later),
// and tsx's CommonJS hook (registered by `--import tsx`, not by `--import tsx/esm`) compiles a TypeScript file to
// CommonJS when required: a test file loaded that way gets its own copy of every server module it imports, beside
// the ES modules test/setup.ts loaded and initialised (a second set of models, never initialised). `.mocharc.json`
// therefore registers tsx's ESM hook only, and test/setup.ts fails the run when any copy is found.
import { createRequire } from 'node:module';
import path from 'node:path';
import { types } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

type ModuleCache = NodeJS.Require['cache'];

/**
 * The project's TypeScript files (outside node_modules) that Node's CommonJS loader holds as CommonJS copies, relative
 * to `root`. A file loaded as an ES module through require(esm) counts as the ES module it is (its exports are the
 * module namespace), so only real copies are named.
 */
export function commonJsCopies(cache: ModuleCache = createRequire(import.meta.url).cache, root = ROOT): string[] {
  const inProject = (file: string) =>
    file.startsWith(root + path.sep) && !file.includes(`${path.sep}node_modules${path.sep}`);
  return Object.entries(cache)
    .filter(([file, m]) => inProject(file) && /\.tsx?$/.test(file) && !(m && types.isModuleNamespaceObject(m.exports)))
    .map(([file]) => path.relative(root, file))
    .sort();
}

/** Throws, naming them, when commonJsCopies() finds any (test/setup.ts calls it once every test file is loaded). */
export function assertLoadedAsEsModules(): void {
  const copies = commonJsCopies();
  if (!copies.length) return;
  const tests = copies.filter((f) => f.endsWith('.test.ts'));
  const named = (files: string[]) =>
    files.slice(0, 8).join(', ') + (files.length > 8 ? ` and ${files.length - 8} more` : '');
  throw new Error(
    `${copies.length} project file(s) were loaded through require() as CommonJS copies, beside the ES modules that ` +
      `test/setup.ts initialised (models never initialised): test files ${named(tests) || 'none'}; all: ` +
      `${named(copies)}. Run mocha with \`--node-option import=tsx/esm\` (as .mocharc.json does), not \`import=tsx\`.`,
  );
}
