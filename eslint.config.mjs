import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'net',
  'url',
  'worker_threads',
];
const restrict = (...groups) => ['error', { patterns: groups }];

/**
 * The layers of src/main, lowest first (docs/architecture.md): a folder or file imports only from
 * its own layer or lower ones. src/shared is below them all.
 */
const LAYERS = [
  ['core', 'store', 'keychain', 'http', 'config.ts'],
  ['vault', 'mfa', 'import', 'qr', 'backup'],
  ['admin-console'],
  ['api', 'web', 'ipc', 'cli', 'app.ts', 'testing'],
  ['electron'],
];
const inMain = (name) => `./src/main/${name}`;
const layerZones = LAYERS.flatMap((layer, i) =>
  LAYERS.slice(i + 1).map((higher) => ({
    target: layer.map(inMain),
    from: higher.map(inMain),
    message: `src/main layers (docs/architecture.md): ${layer.join(', ')} may not import from ${higher.join(', ')}.`,
  })),
);
/** Tests, and what only tests import (the import formats' fixtures are test data). */
const TEST_FILES = ['**/*.test.ts', '**/testing/**', '**/test-support/**', '**/fixtures.ts'];
const noTesting = {
  group: ['**/testing', '**/testing/**', '**/test-support/**'],
  message: 'testing/ folders are for tests only (docs/architecture.md).',
};
const noElectron = {
  group: ['electron', 'electron/*'],
  message: 'Only src/main/electron may import electron.',
};

/**
 * The layering of docs/architecture.md, enforced: the layers of src/main, no import cycles, no
 * testing/ folder in production code; shared imports neither Node nor Electron; the renderer
 * imports no Node, no Electron and nothing from main; only src/main/electron and src/preload may
 * import electron.
 */
export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bin/**',
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver()],
      // Without these the plugin reads no .ts file, and no-cycle finds nothing.
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    // Production code keeps to its layer; a test may put any layers together.
    files: ['src/main/**/*.ts'],
    ignores: TEST_FILES,
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones }] },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**', ...TEST_FILES],
    rules: { 'no-restricted-imports': restrict(noElectron, noTesting) },
  },
  {
    files: ['src/main/electron/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict(noTesting) },
  },
  {
    files: TEST_FILES.map((glob) => `src/main/${glob}`),
    ignores: ['src/main/electron/**'],
    rules: { 'no-restricted-imports': restrict(noElectron) },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        { group: ['electron', 'electron/*'], message: 'src/shared must not import Electron.' },
        { group: nodeBuiltins, message: 'src/shared must not import Node built-ins.' },
        {
          group: ['**/main/**', '**/renderer/**', '**/preload/**'],
          message: 'src/shared imports nothing from the other layers.',
        },
      ),
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(
        {
          group: ['electron', 'electron/*'],
          message: 'The renderer talks to main only through the bridge.',
        },
        { group: nodeBuiltins, message: 'The renderer must not import Node built-ins.' },
        {
          group: ['**/main/**', '**/preload/**'],
          message: 'The renderer imports nothing from main or preload.',
        },
      ),
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        group: ['**/main/**', '**/renderer/**'],
        message: 'The preload imports only electron and shared names.',
      }),
    },
  },
);
