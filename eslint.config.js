// ESLint: the type-aware rules (promises that nobody awaits, promises where a callback's result is ignored),
// React's hook rules for the client, and the import boundaries between server modules (eslint.boundaries.js).
// Types come from the nearest tsconfig.json of each file (typescript-eslint's project service): the root one for
// server/, test/, bench/, migrations/ and seeders/, client/tsconfig.json for client/. `npm run lint` checks it all.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from './eslint.boundaries.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'client/dist/', 'client/node_modules/', 'data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      // Prettier lays out chained calls across lines (`api()\n  [method](url)`); this rule would flag its layout.
      'no-unexpected-multiline': 'off',
      // The reason for the type-aware run: a promise nobody awaits or catches, and one handed where a callback's
      // result is ignored (an async onClick, an async Express handler, an async setTimeout callback).
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Off from recommendedTypeChecked: the no-unsafe-* family reads every JSON body (supertest's res.body, JSON.parse,
      // Sequelize's raw rows) as `any` and would flag hundreds of test lines without finding a bug; `no-explicit-any`
      // above already keeps `any` out of the code we write. require-await flags async functions kept async for an
      // interface (umzug's up/down, Express handlers).
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  // Plain JavaScript (the scripts, this file) is in no tsconfig: no type-aware rules there.
  { files: ['**/*.{js,mjs,cjs}'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.mjs'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.flat.recommended.rules, 'react-hooks/exhaustive-deps': 'error' },
  },
  ...boundaries,
);
