// Programs outside Node that some tests read documents back with (poppler, zbar, Chromium). `.ci/run` installs
// them and fails when it cannot; on a newcomer's machine without one, its tests are reported as skipped (pending)
// with the command that installs it, instead of failing for a reason that is not the code's.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Each program and the Debian package that brings it. */
export const PDF_TOOLS: Record<string, string> = {
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  pdfimages: 'poppler-utils',
  zbarimg: 'zbar-tools',
};

const found = new Map<string, boolean>();

/** Whether `program` can be run: a path is checked as a file, a bare name is looked up on PATH by running it. */
export function hasProgram(program: string): boolean {
  if (!found.has(program))
    found.set(program, program.includes('/') ? existsSync(program) : !spawnSync(program, ['-v']).error);
  return found.get(program)!;
}

/** The install command for what is missing of `tools`, or '' when every one is there. */
export function missingToolsHint(tools: Record<string, string>): string {
  const missing = Object.keys(tools).filter((tool) => !hasProgram(tool));
  if (missing.length === 0) return '';
  return `${missing.join(', ')} not found: apt-get install ${[...new Set(missing.map((t) => tools[t]))].join(' ')}`;
}

/** For a `before` hook: skips the suite, saying why and what to install, when one of `tools` is missing. */
export function skipWithoutTools(ctx: Mocha.Context, tools: Record<string, string>): void {
  const hint = missingToolsHint(tools);
  if (!hint) return;
  console.log(`      SKIPPED "${ctx.test?.parent?.fullTitle() ?? ''}": ${hint}`);
  ctx.skip();
}
