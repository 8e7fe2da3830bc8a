// The import boundaries of eslint.boundaries.js, checked by the suite itself: `npm run lint` runs them too, with
// the type-aware rules, but the suite runs everywhere the tests do. Only the boundary rules run here, on a parser
// without type information, so this takes a second or two rather than a minute.
import { expect } from 'chai';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
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
        "import { Device } from '../devices/index.js';\nimport { Site } from './sites.model.js';\nexport { Device, Site };\n",
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
