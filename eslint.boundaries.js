// Import boundaries between server modules (issue 15, point 2): who may import whom. Kept apart from
// eslint.config.js so the module map and its rules live together; docs/architecture.md explains them.
//
//   server/shared/            wire types: imports nothing outside itself (the client imports it too)
//   server/lib/, server/db/,  infrastructure: never a module, never the app's top-level files
//   config.ts, paths.ts
//   server/modules/<m>/       its own files freely; another module ONLY through ../<other>/index.js
//                             (never its routes, models, services or schemas file by file)
//   server/routes.ts          each module's <m>.routes.js (the one place routes are registered) or index.js
//   server/{app,server,main,models}.ts, server/cli/   modules only through their index.js
//
// Each group below is one flat-config object; the groups do not overlap, so no object replaces another's
// no-restricted-imports (ESLint keeps only the last setting of a rule for a file).

const APP_FILES = {
  regex: '(^|/)(models|routes|app|server|main)\\.js$|(^|/)cli/',
  message: 'Only the app imports the model registry, the route list and the CLI; nothing below it may.',
};
const NO_MODULES = {
  regex: '(^|/)modules/',
  message:
    'server/lib/ and server/db/ are below the modules: they may not import one (pass what you need in as a parameter).',
};
const MODULE_INDEX_ONLY = {
  // ../<other module>/<anything but index.js>
  regex: '^\\.\\./(?!\\.\\.?/)[^/]+/(?!index\\.js$).+',
  message:
    "Import another module only through its index.js (its public face); add what you need to that module's index.ts.",
};
const MODULE_FROM_TOP = (allowRoutes) => ({
  regex: allowRoutes
    ? '(^|/)modules/[^/]+/(?!index\\.js$)(?![^/]+\\.routes\\.js$).+'
    : '(^|/)modules/[^/]+/(?!index\\.js$).+',
  message: allowRoutes
    ? "server/routes.ts imports a module's <module>.routes.js or its index.js, nothing deeper."
    : "Import a module only through its index.js (its public face); add what you need to that module's index.ts.",
});
const OUTSIDE_SHARED = {
  regex: '^\\.\\./',
  message: 'server/shared/ holds the wire types the client imports too: it may not import server code.',
};

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default [
  { files: ['server/shared/**/*.ts'], rules: restrict(OUTSIDE_SHARED) },
  {
    files: ['server/lib/**/*.ts', 'server/db/**/*.ts', 'server/config.ts', 'server/paths.ts'],
    rules: restrict(NO_MODULES, APP_FILES),
  },
  { files: ['server/modules/**/*.ts'], rules: restrict(MODULE_INDEX_ONLY, APP_FILES) },
  { files: ['server/routes.ts'], rules: restrict(MODULE_FROM_TOP(true)) },
  {
    files: ['server/app.ts', 'server/server.ts', 'server/main.ts', 'server/models.ts', 'server/cli/**/*.ts'],
    rules: restrict(MODULE_FROM_TOP(false)),
  },
];
