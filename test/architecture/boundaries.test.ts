// The import boundaries of eslint.boundaries.js, checked by the suite itself: `npm run lint` runs them too, with
// the type-aware rules, but the suite runs everywhere the tests do. Only the boundary rules run here, on a parser
// without type information, so this takes a second or two rather than a minute.
import { expect } from 'chai';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fs from 'node:fs';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

async function boundaryLinter(): Promise<ESLint> {
  const { default: boundaries } = (await import(pathToFileURL(path.join(ROOT, 'eslint.boundaries.js')).href)) as {
    default: Linter.Config[];
  };
  return new ESLint({
    cwd: ROOT,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...boundaries],
  });
}

/** The boundary findings (the files' disable comments name rules this run does not load: those are not findings). */
const messagesOf = (results: ESLint.LintResult[]) =>
  results.flatMap((r) =>
    r.messages
      .filter((m) => m.ruleId === 'no-restricted-imports')
      .map((m) => `${path.relative(ROOT, r.filePath)}:${m.line} ${m.message}`),
  );

describe('import boundaries (eslint.boundaries.js)', () => {
  it('no server file crosses them', async function () {
    this.timeout(120_000); // some 200 files parsed, a few seconds on a busy machine
    const eslint = await boundaryLinter();
    expect(messagesOf(await eslint.lintFiles(['server/**/*.ts']))).to.deep.equal([]);
  });

  it('refuses a deep import of another module, a module from db/, and server code from shared/', async () => {
    const eslint = await boundaryLinter();
    const lint = async (text: string, filePath: string) =>
      messagesOf(await eslint.lintText(text, { filePath: path.join(ROOT, filePath) })).length;
    expect(
      await lint(
        "import { Device } from '../devices/devices.model.js';\nexport { Device };\n",
        'server/modules/sites/x.ts',
      ),
    ).to.equal(1);
    expect(
      await lint(
        "import { countDevices } from '../devices/index.js';\nimport { Site } from './sites.model.js';\nexport { countDevices, Site };\n",
        'server/modules/sites/x.ts',
      ),
    ).to.equal(0);
    expect(
      await lint("import { Site } from '../modules/sites/index.js';\nexport { Site };\n", 'server/db/x.ts'),
    ).to.equal(1);
    expect(await lint("import { x } from '../lib/parse.js';\nexport { x };\n", 'server/shared/x.ts')).to.equal(1);
    expect(
      await lint(
        "import { siteRoutes } from './modules/sites/sites.routes.js';\nexport { siteRoutes };\n",
        'server/routes.ts',
      ),
    ).to.equal(0);
    expect(
      await lint("import { Site } from './modules/sites/sites.model.js';\nexport { Site };\n", 'server/models.ts'),
    ).to.equal(1);
  });
});

// Issue 15, point 1: other modules call the owning module's services and queries; no index.ts hands out a model
// class (with one, any module could write the rows). A type-only export (`export type { Device }`) is fine.
const MODULES = path.join(ROOT, 'server', 'modules');

/** The classes a model file defines. */
const classesOf = (modelText: string) => new Set([...modelText.matchAll(/\bclass\s+(\w+)/g)].map((m) => m[1]));

/** The source names of a `{ a, type b, c as d }` list that are values (not `type`). */
const valueNames = (list: string) =>
  list
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n && !n.startsWith('type '))
    .map((n) => n.split(/\s+as\s+/)[0].trim());

/**
 * The model classes `indexText` exports as values, as "Name (from ./x.model.js)": `export { X } from './x.model.js'`,
 * `export * from './x.model.js'`, and `import { X } from './x.model.js'` followed by `export { X }`.
 */
export function modelClassExports(indexText: string, readModel: (specifier: string) => string): string[] {
  const code = indexText.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  const found: string[] = [];
  const classes = (spec: string) => classesOf(readModel(spec));
  for (const m of code.matchAll(/export\s+(type\s+)?\{([^}]*)\}\s*from\s*['"](\.\/[^'"]+\.model\.js)['"]/g)) {
    if (m[1]) continue;
    const defined = classes(m[3]);
    for (const name of valueNames(m[2])) if (defined.has(name)) found.push(`${name} (from ${m[3]})`);
  }
  for (const m of code.matchAll(/export\s+\*\s*(?:as\s+\w+\s+)?from\s*['"](\.\/[^'"]+\.model\.js)['"]/g)) {
    for (const name of classes(m[1])) found.push(`${name} (from ${m[1]})`);
  }
  const exported = new Set([...code.matchAll(/export\s+\{([^}]*)\}\s*;/g)].flatMap((m) => valueNames(m[1])));
  for (const m of code.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s*from\s*['"](\.\/[^'"]+\.model\.js)['"]/g)) {
    if (m[1]) continue;
    const defined = classes(m[3]);
    for (const name of valueNames(m[2])) {
      if (defined.has(name) && exported.has(name)) found.push(`${name} (from ${m[3]})`);
    }
  }
  return found;
}

/**
 * Modules whose index.ts still hands out model classes: none since auth's User and beneficiaries' Beneficiary went
 * (point 1 is done for every module). It stays empty: a test below fails when an entry is no longer exported, and
 * a new model class belongs behind its module's queries and services, not on this list.
 */
const NOT_YET: Record<string, string[]> = {};

function modelExportsOf(module: string): string[] {
  const dir = path.join(MODULES, module);
  return modelClassExports(fs.readFileSync(path.join(dir, 'index.ts'), 'utf8'), (spec) =>
    fs.readFileSync(path.join(dir, spec.replace(/\.js$/, '.ts')), 'utf8'),
  );
}

describe('module index.ts files export no model class', () => {
  const modules = fs
    .readdirSync(MODULES, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(MODULES, e.name, 'index.ts')))
    .map((e) => e.name);

  it('no index.ts exports a class of a *.model.ts as a value (beyond the shrinking list NOT_YET)', () => {
    const offenders = modules.flatMap((m) =>
      modelExportsOf(m)
        .filter((e) => !(NOT_YET[m] ?? []).includes(e.split(' ')[0]))
        .map((e) => `server/modules/${m}/index.ts: ${e}`),
    );
    expect(
      offenders,
      'export queries or services instead (see devices.queries.ts); a type-only export is fine',
    ).to.deep.equal([]);
  });

  it('NOT_YET names only model classes still exported (remove an entry once its module stops exporting it)', () => {
    const stale = Object.entries(NOT_YET).flatMap(([m, names]) => {
      const exported = new Set(modelExportsOf(m).map((e) => e.split(' ')[0]));
      return names.filter((n) => !exported.has(n)).map((n) => `${m}: ${n}`);
    });
    expect(stale).to.deep.equal([]);
    expect(NOT_YET).to.not.have.any.keys('devices', 'donations');
  });

  it('recognises each way of exporting a model class (so the check above cannot pass by missing one)', () => {
    const model = [
      'export class Device extends Model {}',
      'export class Drive extends Model {}',
      'export const DEVICE_TYPES = [];',
      'export function initDeviceModels() {}',
    ].join('\n');
    const found = (index: string) => modelClassExports(index, () => model);
    const device = ['Device (from ./devices.model.js)'];
    expect(found("export { Device, initDeviceModels } from './devices.model.js';")).to.deep.equal(device);
    expect(found("export {\n  DEVICE_TYPES,\n  Drive as DeviceDrive,\n} from './devices.model.js';")).to.deep.equal([
      'Drive (from ./devices.model.js)',
    ]);
    expect(found("export * from './devices.model.js';")).to.have.length(2);
    expect(found("import { Device } from './devices.model.js';\nexport { Device };")).to.deep.equal(device);
    expect(found("export type { Device, Drive } from './devices.model.js';")).to.deep.equal([]);
    expect(found("export { type Device, initDeviceModels, DEVICE_TYPES } from './devices.model.js';")).to.deep.equal(
      [],
    );
    expect(
      found("// export { Device } from './devices.model.js';\nexport { x } from './devices.totals.js';"),
    ).to.deep.equal([]);
  });
});
