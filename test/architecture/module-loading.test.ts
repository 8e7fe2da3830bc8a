// How mocha loads the suite (.mocharc.json: `--node-option import=tsx/esm`): every test file as an ES module, on the
// one copy of the server modules that test/setup.ts initialised. Under `import=tsx`, mocha's require() compiled each
// test file that did not reach server/lib/worker-pool.ts (import.meta.resolve) to CommonJS, with its own, never
// initialised copy of the models. This file imports nothing that reaches the app, so that it would be such a file.
import path from 'node:path';
import { expect } from 'chai';
import { User } from '../../server/modules/auth/auth.model.js';
import { commonJsCopies } from '../helpers/module-loading.js';

describe('how mocha loads the test files', () => {
  it('loads this file as an ES module (no CommonJS require in its scope), though it never reaches the app', () => {
    expect(typeof require).to.equal('undefined');
  });

  it('gives this file the models test/setup.ts initialised (not a second, uninitialised copy)', async () => {
    expect(User.sequelize, 'User.init() ran on this copy').to.not.equal(undefined);
    expect(await User.count()).to.equal(0);
  });

  it('holds no CommonJS copy of any project file', () => {
    expect(commonJsCopies()).to.deep.equal([]);
  });

  it('commonJsCopies() names a CommonJS copy of a project file, not an ES module loaded through require or a package', async () => {
    const root = path.join(path.sep, 'project');
    const esModule = await import('../../server/paths.js');
    const cache = {
      [path.join(root, 'server', 'models.ts')]: { exports: { initModels: () => undefined } },
      [path.join(root, 'server', 'paths.ts')]: { exports: esModule },
      [path.join(root, 'node_modules', 'tsx', 'index.ts')]: { exports: {} },
      [path.join(root, 'eslint.config.cjs')]: { exports: {} },
      [path.join(path.sep, 'elsewhere', 'x.ts')]: { exports: {} },
    } as unknown as NodeJS.Require['cache'];
    expect(commonJsCopies(cache, root)).to.deep.equal([path.join('server', 'models.ts')]);
  });
});
