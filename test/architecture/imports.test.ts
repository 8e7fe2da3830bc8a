// The import graph of server/ (issue 15, point 2): no file imports itself back through a cycle at run time, and
// what the modules offer one another (each index.ts and the files it reaches) forms a layered graph: no module
// reaches back to one that depends on it. A module's routes file and what only it reaches (the HTTP layer, imported
// by server/routes.ts alone) may call any module's index. ESLint (eslint.boundaries.js) checks who may import whom;
// this checks the shape of the whole. Between modules, type-only imports count: they tie modules together too.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';

const SERVER = path.resolve(import.meta.dirname, '..', '..', 'server');
const rel = (f: string) => path.relative(SERVER, f).split(path.sep).join('/');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/**
 * Every file → the server files it imports (static imports and re-exports; dynamic import() is left out), with or
 * without the type-only ones (`import type`, `export type`), which vanish at run time.
 */
export function importGraph(withTypes = true): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(SERVER)) {
    const text = fs.readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/^\s*(import|export)(\s+type\b)?[^'"]*?\sfrom\s+['"](\.{1,2}\/[^'"]+)['"]/gm)]
      .filter((m) => withTypes || !m[2])
      .map((m) => rel(path.resolve(path.dirname(file), m[3].replace(/\.js$/, '.ts'))));
    graph.set(rel(file), [...new Set(targets)]);
  }
  return graph;
}

/** The cycles of `graph`, each as the path that closes it (a → b → … → a); empty when it has none. */
export function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

const moduleOf = (file: string) => /^modules\/([^/]+)\//.exec(file)?.[1];

describe('the server import graph', () => {
  it('has no cycle between files at run time', () => {
    expect(cycles(importGraph(false)).map((c) => c.join(' → '))).to.deep.equal([]);
  });

  it("has no cycle between modules through what their index.ts offers (the routes' layer set aside)", () => {
    const all = importGraph();
    // Each module's public part: its index.ts and every file of the module that index.ts reaches.
    const offered = new Set<string>();
    const reach = (file: string): void => {
      if (offered.has(file)) return;
      offered.add(file);
      for (const t of all.get(file) ?? []) if (moduleOf(t) === moduleOf(file)) reach(t);
    };
    for (const file of all.keys()) if (/^modules\/[^/]+\/index\.ts$/.test(file)) reach(file);
    const modules = new Map<string, Set<string>>();
    for (const [file, targets] of all) {
      const from = moduleOf(file);
      if (!from || !offered.has(file)) continue;
      const edges = modules.get(from) ?? modules.set(from, new Set()).get(from)!;
      for (const t of targets) {
        const to = moduleOf(t);
        if (to && to !== from) edges.add(to);
      }
    }
    const graph = new Map([...modules].map(([m, e]) => [m, [...e]]));
    expect(cycles(graph).map((c) => c.join(' → '))).to.deep.equal([]);
  });

  it('keeps server/db/ a leaf: it imports only itself, lib/, config.ts and paths.ts', () => {
    const outside = [...importGraph()]
      .filter(([f]) => f.startsWith('db/'))
      .flatMap(([f, targets]) =>
        targets.filter((t) => !/^(db|lib)\/|^(config|paths)\.ts$/.test(t)).map((t) => `${f} → ${t}`),
      );
    expect(outside).to.deep.equal([]);
  });

  it('finds a cycle when there is one (so the checks above cannot pass by missing them)', () => {
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
          ['d', ['a']],
        ]),
      ),
    ).to.deep.equal([['a', 'b', 'c', 'a']]);
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', []],
          ['c', ['a', 'b']],
        ]),
      ),
    ).to.deep.equal([]);
  });
});
