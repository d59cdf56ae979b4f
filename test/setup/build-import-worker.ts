import { dirname, resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(__dirname, '../..');
/** Where vitest's copy of the import worker goes; vitest.config.ts points the app at it. */
export const IMPORT_WORKER_BUNDLE = resolve(root, '.tmp/vitest/import-worker.js');

/**
 * Unit tests run the sources, but a worker thread needs JavaScript: bundle the worker from the
 * current sources once per run, as `npm run build` does for the app.
 */
export default async function setup(): Promise<void> {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: resolve(root, 'src/main/import/worker/import-worker.ts'),
      outDir: dirname(IMPORT_WORKER_BUNDLE),
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: 'import-worker.js' } },
    },
  });
}
