import js from '@eslint/js';
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
 * The layering of ARCHITECTURE.md, enforced: shared imports neither Node nor Electron; the
 * renderer imports no Node, no Electron and nothing from main; only src/main/electron and
 * src/preload may import electron.
 */
export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bin/**'] },
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
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': restrict({
        group: ['electron', 'electron/*'],
        message: 'Only src/main/electron may import electron.',
      }),
    },
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
