// ESLint over the server code, the web app, the tests and the benchmarks.
//
// Two things are enforced as errors beyond typescript-eslint's recommended set:
// - no deep imports into another lib: `@roundtable/<lib>` (its barrel) only, never
//   `@roundtable/<lib>/...` nor a relative path that leaves the lib;
// - the lib graph as it is today (LIB_GRAPH below): a lib imports only the libs listed
//   for it, so a new edge (and any cycle) is a decision made here, in review.
import fs from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Which libs each lib may import (besides itself). Apps may import any lib; libs never import apps. */
export const LIB_GRAPH = {
  core: [],
  mail: ['core'],
  identity: ['core', 'mail'],
  spaces: ['core', 'identity'],
  contributions: ['core', 'identity'],
  translation: ['core', 'identity', 'spaces', 'contributions'],
  live: ['core', 'identity', 'contributions'],
  notifications: ['core', 'identity', 'live'],
  exchange: ['core', 'identity', 'spaces', 'contributions'],
  moderation: ['core', 'identity', 'contributions', 'live', 'notifications'],
  digests: ['core', 'identity', 'contributions', 'translation'],
  stocktaking: ['core', 'identity', 'contributions', 'digests', 'translation'],
  'member-digests': ['core', 'identity', 'mail'],
  invitations: ['core', 'identity', 'mail', 'spaces'],
};
const LIBS = Object.keys(LIB_GRAPH);
// a lib without an entry would escape the boundaries rule: name its allowed imports above
const unlisted = fs.readdirSync(new URL('./libs', import.meta.url)).filter((name) => !LIBS.includes(name));
if (unlisted.length > 0)
  throw new Error(`eslint.config.mjs: add ${unlisted.join(', ')} to LIB_GRAPH (which libs it may import)`);

const deepImports = [
  { group: ['@roundtable/*/**'], message: 'Import another lib through its barrel: @roundtable/<lib>.' },
  {
    regex: '^(\\.\\./)+(libs/)?[a-z-]+/src(/|$)',
    message: 'Import a lib as @roundtable/<lib>, not by a relative path.',
  },
];
const noApps = {
  regex: '^((\\.\\./)+apps/|@roundtable/(api|worker|cli|web)$)',
  message: 'A lib never imports an app.',
};

function restrictions(extra = []) {
  return ['error', { patterns: [...deepImports, ...extra] }];
}

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      'node_modules/**',
      'apps/web/dist/**',
      'apps/web/public/**',
      'apps/web/src/api/schema.d.ts',
      'coverage/**',
      '.data/**',
      'test-artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      // rows from raw SQL and third-party payloads are typed at their edge; `any` stays visible, not fatal
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // NestJS modules are empty classes carrying a decorator
      '@typescript-eslint/no-extraneous-class': 'off',
      // `require()` is how a few CommonJS-only packages and JSON data files are loaded
      '@typescript-eslint/no-require-imports': 'off',
      // declaration merging of a class and an interface is how Nest DTOs carry docs
      '@typescript-eslint/no-unsafe-declaration-merging': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      // control characters in patterns are deliberate: they strip or refuse them in user text
      'no-control-regex': 'off',
      'no-restricted-imports': restrictions(),
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // white-box tests and benchmarks may reach into a lib's internals; the barrels are for code
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // the lib graph: one block per lib, so each carries the whole list of its restrictions
  ...LIBS.map((lib) => ({
    files: [`libs/${lib}/**/*.ts`],
    rules: {
      'no-restricted-imports': restrictions([
        noApps,
        ...LIBS.filter((other) => other !== lib && !LIB_GRAPH[lib].includes(other)).map((other) => ({
          group: [`@roundtable/${other}`],
          message: `libs/${lib} may import ${LIB_GRAPH[lib].join(', ') || 'no other lib'} (eslint.config.mjs LIB_GRAPH); not ${other}.`,
        })),
      ]),
    },
  })),
);
