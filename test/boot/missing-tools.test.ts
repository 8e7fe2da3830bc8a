// A newcomer without poppler-utils or zbar-tools: the suites that read PDFs back report themselves as skipped
// (mocha's "pending") with the command that installs what is missing, and the run does not fail for it.
// Shown by running one such suite in a child mocha whose PATH holds nothing but node.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from '../helpers/processes.js';

function mochaWithoutTools(file: string) {
  const bin = mkdtempSync(path.join(tmpdir(), 'nimah-bare-path-'));
  try {
    symlinkSync(process.execPath, path.join(bin, 'node'));
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: bin };
    for (const name of ['DATABASE_URL', 'DATA_DIR', 'LOG_FILE']) delete env[name]; // a temp SQLite of its own
    const args = [
      path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'),
      '--no-config',
      '--node-option',
      'import=tsx/esm',
      '--require',
      'test/setup.ts',
      '--timeout',
      '60000',
      '--exit',
      file,
    ];
    return spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
}

describe('tests that need poppler-utils or zbar-tools, on a machine without them', function () {
  this.timeout(150_000);

  it('are reported as skipped with "apt-get install poppler-utils zbar-tools", and the run passes', () => {
    const run = mochaWithoutTools('test/pdf/pdf.barcodes.test.ts');
    const out = `${run.stdout}${run.stderr}`;
    expect(run.status, out).to.equal(0);
    expect(out)
      .to.match(/^ *0 passing/m)
      .and.match(/^ *[1-9]\d* pending/m)
      .and.not.match(/failing/);
    expect(out).to.contain('not found: apt-get install poppler-utils zbar-tools');
  });
});
