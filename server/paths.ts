// Where the project's own files are, whether this module runs from source (server/paths.ts under tsx) or
// compiled (dist/server/paths.js under plain node, see tsconfig.build.json). Anything that reads a file
// shipped with the project resolves it from `projectRoot`, never from its own location, so the same code
// works one folder deeper in dist/.
import path from 'node:path';

/** True when running the JavaScript that `npm run build:server` emitted into dist/. */
export const compiled = path.extname(import.meta.filename) === '.js';

/** The folder holding package.json, server/, client/ and (once built) dist/. */
export const projectRoot = path.resolve(import.meta.dirname, compiled ? '../..' : '..');

/**
 * Where the runnable migrations/ and seeders/ are: next to server/ under tsx, inside dist/ when compiled.
 * Their extension differs accordingly ('.ts' or '.js').
 */
export const codeRoot = compiled ? path.join(projectRoot, 'dist') : projectRoot;
export const codeExt = compiled ? '.js' : '.ts';
