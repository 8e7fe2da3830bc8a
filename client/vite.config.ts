import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { parse } from '@formatjs/icu-messageformat-parser';
import ts from 'typescript';

// The Express server (npm run dev at the repository root) listens on 3000; the dev server forwards
// everything the browser must reach on the same origin, so the SameSite=Strict session cookie works.
const backend = 'http://localhost:3000';

const DICTIONARY = /[\\/]src[\\/]i18n[\\/](ar|ar\.screens|en|fr)\.ts$/;

/**
 * In the build, the messages of src/i18n/{ar,ar.screens,en,fr}.ts are parsed here (ICU MessageFormat, as react-intl would in the
 * browser, with `ignoreTag` like `t`) and shipped as their syntax trees, so the first screen does without FormatJS's
 * parser (the alias below). The sources stay strings: the type checker, the i18n test and the dev server see them.
 */
function precompileMessages(): Plugin {
  return {
    name: 'nimah:precompile-messages',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!DICTIONARY.test(id)) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      const edits: { start: number; end: number; text: string }[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isPropertyAssignment(node) && ts.isStringLiteralLike(node.initializer)) {
          const ast = parse(node.initializer.text, { ignoreTag: true });
          edits.push({
            start: node.initializer.getStart(source),
            end: node.initializer.getEnd(),
            text: JSON.stringify(ast),
          });
        } else {
          ts.forEachChild(node, visit);
        }
      };
      visit(source);
      let out = code;
      for (const { start, end, text } of edits.reverse()) out = out.slice(0, start) + text + out.slice(end);
      return { code: out, map: null };
    },
  };
}

export default defineConfig(({ command }) => ({
  plugins: [precompileMessages(), react()],
  resolve: {
    alias:
      command === 'build'
        ? [
            // Every message is precompiled in the build (above): the parser's stand-in throws if a string ever reaches it.
            {
              find: /^@formatjs\/icu-messageformat-parser$/,
              replacement: fileURLToPath(
                new URL('./node_modules/@formatjs/icu-messageformat-parser/no-parser.js', import.meta.url),
              ),
            },
            // react-router's package exports name only its development build (dev warnings on), in production too
            // (remix-run/react-router#14102); the build takes the production one it ships beside it.
            {
              find: /^react-router$/,
              replacement: fileURLToPath(
                new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url),
              ),
            },
          ]
        : [],
  },
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
    // dist/.vite/manifest.json: scripts/bundle-size.mjs reads it to measure the first screen's JavaScript (200 KB gzipped).
    manifest: true,
    assetsInlineLimit: 0,
    rolldownOptions: {
      // The wire types and enums of server/shared/ are plain declarations: a module none of whose exports the client
      // uses is dropped, even when it builds a table at load (regions' names and lookup map), instead of riding in
      // the entry chunk.
      treeshake: { moduleSideEffects: [{ test: /[\\/]server[\\/]shared[\\/]/, sideEffects: false }] },
    },
  },
}));
