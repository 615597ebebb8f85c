import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const sharedFolders = ['app', 'api', 'components', 'lib', 'mocks', 'profiles'];

const allow = (from, to) => ({ from: { element: { type: from } }, allow: { to: { element: { type: to } } } });

/** Who may import whom; `alsoFor` adds folders every layer may import (tests may use the mock CMS). */
function importPolicies(alsoFor) {
  return [
    allow('app', ['app', 'feature', 'api', 'domain', 'components', 'lib', 'mocks']),
    allow('feature', ['api', 'domain', 'components', 'lib', ...alsoFor]),
    allow('components', ['lib', 'api', 'domain', ...alsoFor]),
    // CMS knowledge the screens share (profile resolution, join paths, findings): pure, no UI.
    allow('domain', ['api', 'lib', ...alsoFor]),
    allow('api', ['lib', ...alsoFor]),
    allow('mocks', ['api', 'lib']),
    allow('proxy', ['mocks']),
  ];
}

export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', 'public/mockServiceWorker.js', 'test-results/', 'playwright-report/']),
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
    files: ['**/*.{js,ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.jsx', '.json'] } },
      'boundaries/elements': [
        { type: 'app', pattern: 'src/app', partialMatch: false },
        { type: 'api', pattern: 'src/api', partialMatch: false },
        { type: 'components', pattern: 'src/components', partialMatch: false },
        { type: 'lib', pattern: 'src/lib', partialMatch: false },
        { type: 'mocks', pattern: 'src/mocks', partialMatch: false },
        { type: 'domain', pattern: 'src/profiles', partialMatch: false },
        { type: 'proxy', pattern: 'proxy', partialMatch: false },
        // Every other folder directly under src/ is a feature; each one is its own element.
        {
          type: 'feature',
          pattern: `src/!(${sharedFolders.join('|')})`,
          capture: ['feature'],
          partialMatch: false,
        },
        // Element patterns match folders, so files at the top of src/ (main.tsx) belong to app this way.
        { type: 'app', pattern: 'src', partialMatch: false },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: importPolicies([]),
        },
      ],
    },
  },
  {
    // Tests run against the mock CMS; shipped code never imports it.
    files: ['src/**/*.test.{ts,tsx}', 'src/**/testing/**'],
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: importPolicies(['mocks']),
        },
      ],
    },
  },
]);
