import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers, and who may import whom (README "How the code is laid out" draws the same picture).
 * `wire` and `params` are the CMS facts the mock shares with the app; `transport` talks HTTP;
 * `resources` are the request modules and query factories the screens use; `changes` is the change
 * engine every write goes through.
 */
const elements = [
  { type: 'app', pattern: 'src/app', partialMatch: false },
  { type: 'api-wire', pattern: 'src/api/wire', partialMatch: false },
  { type: 'api-params', pattern: 'src/api/params', partialMatch: false },
  { type: 'api-transport', pattern: 'src/api/transport', partialMatch: false },
  { type: 'api-resources', pattern: 'src/api/resources', partialMatch: false },
  { type: 'api-changes', pattern: 'src/api/changes', partialMatch: false },
  { type: 'api-fixtures', pattern: 'src/api/fixtures', partialMatch: false },
  { type: 'domain', pattern: 'src/domain/*', capture: ['domain'], partialMatch: false },
  { type: 'feature', pattern: 'src/features/*', capture: ['feature'], partialMatch: false },
  { type: 'feature', pattern: 'src/wizards', partialMatch: false },
  { type: 'components', pattern: 'src/components', partialMatch: false },
  { type: 'lib', pattern: 'src/lib', partialMatch: false },
  { type: 'mocks', pattern: 'src/mocks', partialMatch: false },
  { type: 'testing', pattern: 'src/testing', partialMatch: false },
  { type: 'proxy', pattern: 'proxy', partialMatch: false },
  // Element patterns match folders, so files at the top of src/ (main.tsx) belong to app this way.
  { type: 'app', pattern: 'src', partialMatch: false },
];

const api = ['api-wire', 'api-params', 'api-transport', 'api-resources', 'api-changes'];
const allow = (from, to) => ({ from: { element: { type: from } }, allow: { to: { element: { type: to } } } });

/** `alsoFor` adds what tests may reach besides: the mock CMS and the shared test helpers. */
function importPolicies(alsoFor) {
  // A lower api layer's tests may drive it through the request modules above it.
  const testing = alsoFor.length > 0;
  return [
    allow('app', ['app', 'feature', ...api, 'domain', 'components', 'lib', 'mocks', ...alsoFor]),
    // Features never import each other: links between them go through src/lib/wizard-links.
    allow('feature', [...api, 'domain', 'components', 'lib', ...alsoFor]),
    allow('components', [...api, 'domain', 'lib', ...alsoFor]),
    allow('domain', ['domain', ...api, 'lib', ...alsoFor]),
    // The change engine: every write of the product, journaled, with lost answers settled by reads.
    allow('api-changes', ['api-resources', 'api-transport', 'api-params', 'api-wire', 'lib', ...alsoFor]),
    allow('api-resources', ['api-transport', 'api-params', 'api-wire', 'lib', ...alsoFor]),
    allow('api-transport', ['api-params', 'api-wire', 'lib', ...alsoFor, ...(testing ? api : [])]),
    allow('api-params', ['api-wire', 'lib', ...alsoFor, ...(testing ? api : [])]),
    allow('api-wire', ['lib', ...alsoFor, ...(testing ? api : [])]),
    allow('lib', alsoFor),
    // The mock shares only the CMS facts (parameter tables, wire helpers) with the app, never its client.
    allow('mocks', ['api-params', 'api-wire', 'lib', ...(alsoFor.includes('api-fixtures') ? ['api-fixtures'] : [])]),
    allow('testing', ['mocks', ...api, 'domain', 'lib']),
    // The server shares the mock CMS and the wire contracts (XML, the journal's JSON) with the SPA, nothing else.
    allow('proxy', ['mocks', 'api-wire']),
  ];
}

const noUi = {
  patterns: [
    {
      group: ['react', 'react/*', 'react-dom', 'react-dom/*', '@mui/*', '@emotion/*', 'react-router', 'react-hook-form', '@testing-library/*'],
      message: 'This layer has no UI: screens and components live in src/features, src/wizards and src/components.',
    },
  ],
};

const writesThroughEngine = {
  patterns: [
    {
      group: ['**/api/resources/run-operation'],
      message: 'Send writes through the change engine: runChanges / applyChanges / changeSession in src/api/changes.',
    },
    {
      // scans.ts talks to the studio's own scan store, not to CMS
      group: ['**/api/resources/*', '!**/api/resources/scans'],
      importNamePattern: '^(create|update|delete|start)[A-Z]',
      message: "A resource module's write is sent by the change engine: hand it the operation (runChanges / applyChanges / changeSession).",
    },
  ],
};

export default defineConfig([
  globalIgnores(['dist/', 'dist-demo/', 'node_modules/', 'public/mockServiceWorker.js', 'test-results/', 'playwright-report/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['proxy/**', 'scripts/**', 'bench/**', 'e2e/**', '*.config.{js,ts}', 'src/mocks/**'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/api/**', 'src/domain/**', 'src/mocks/**', 'proxy/**'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', noUi] },
  },
  {
    // Every write of the product is journaled and settled by the change engine (src/api/changes):
    // screens hand it their operations, they never send one themselves.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/api/**', 'src/mocks/**', '**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', writesThroughEngine] },
  },
  {
    // One rule key per file: the domain keeps both restrictions (a later block would replace the first).
    files: ['src/domain/**'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...noUi.patterns, ...writesThroughEngine.patterns] }] },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'proxy/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['**/*.{js,ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.jsx', '.json'] } },
      'boundaries/elements': elements,
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies: importPolicies([]) }],
    },
  },
  {
    // Tests run against the mock CMS and share helpers from src/testing; shipped code reaches neither.
    files: ['src/**/*.test.{ts,tsx}', 'src/**/testing/**', 'src/testing/**'],
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies: importPolicies(['mocks', 'testing', 'api-fixtures']) }],
    },
  },
]);
