import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The Express server (npm run dev at the repository root) listens on 3000; the dev server forwards
// everything the browser must reach on the same origin, so the SameSite=Strict session cookie works.
const backend = 'http://localhost:3000';

/** Budget for the JavaScript of the first screen (entry + its static imports + the first route's chunk), gzipped. */
const FIRST_SCREEN_BUDGET_KB = 250;
/** The screens people land on first: sign-in, the technicians' bench, everyone else's queue. */
const FIRST_ROUTES = ['LoginPage', 'IntakeStationPage', 'IntakeQueuePage'];

/**
 * Prints what the first screen costs and fails the build over budget. A screen is its entry chunk, everything that
 * chunk imports statically (loaded before the first paint), and the lazy chunk of the route it opens on.
 */
function firstScreenBudget(): Plugin {
  return {
    name: 'nimah-first-screen-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, { code: string; imports: string[]; isEntry: boolean; name: string }>();
      for (const [file, out] of Object.entries(bundle)) {
        if (out.type === 'chunk') chunks.set(file, { code: out.code, imports: out.imports, isEntry: out.isEntry, name: out.name });
      }
      const closure = (start: string[], seen = new Set<string>()): Set<string> => {
        for (const f of start) {
          if (seen.has(f) || !chunks.has(f)) continue;
          seen.add(f);
          closure(chunks.get(f)!.imports, seen);
        }
        return seen;
      };
      const gz = (files: Set<string>) => [...files].reduce((n, f) => n + gzipSync(chunks.get(f)!.code).length, 0) / 1024;
      const entry = closure([...chunks].filter(([, c]) => c.isEntry).map(([f]) => f));
      const lines = [`shell (entry + static imports): ${gz(entry).toFixed(1)} KB gzipped`];
      let worst = gz(entry);
      for (const route of FIRST_ROUTES) {
        const file = [...chunks].find(([, c]) => c.name === route)?.[0];
        if (!file) continue;
        const total = gz(closure([file], new Set(entry)));
        worst = Math.max(worst, total);
        lines.push(`first screen ${route}: ${total.toFixed(1)} KB gzipped`);
      }
      this.info(`\n${lines.join('\n')}\nbudget ${FIRST_SCREEN_BUDGET_KB} KB: ${worst <= FIRST_SCREEN_BUDGET_KB ? 'ok' : 'OVER'}`);
      if (worst > FIRST_SCREEN_BUDGET_KB) this.error(`first screen JS is ${worst.toFixed(1)} KB gzipped, over the ${FIRST_SCREEN_BUDGET_KB} KB budget`);
    },
  };
}

export default defineConfig({
  plugins: [react(), firstScreenBudget()],
  server: {
    port: 5173,
    // '^/d/' (a label's short link) is a pattern, so that '/devices' is not caught by a '/d' prefix.
    proxy: { '/api': backend, '/verify': backend, '/receipts': backend, '^/d/': backend },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Mantine + React + the router land in the entry chunk; screens are split with React.lazy.
    chunkSizeWarningLimit: 600,
    assetsInlineLimit: 0,
  },
});
