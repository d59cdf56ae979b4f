import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TesseraError } from '../../../shared/errors';

/** Set by vitest.config.ts only: a bundle of the worker built from source for the test run. */
declare const __TESSERA_IMPORT_WORKER__: string | undefined;

export const IMPORT_WORKER_FILE = 'import-worker.js';

/**
 * The built worker sits next to the main entries (out/main/import-worker.js); code that asks may
 * itself live in out/main/chunks. Both the Electron app and the CLI (bin/tessera.cjs) run from
 * out/main, so one lookup serves both.
 */
export function importWorkerFile(): string {
  if (typeof __TESSERA_IMPORT_WORKER__ === 'string') return __TESSERA_IMPORT_WORKER__;
  for (const dir of [__dirname, dirname(__dirname)]) {
    const file = join(dir, IMPORT_WORKER_FILE);
    if (existsSync(file)) return file;
  }
  throw new TesseraError(
    'IMPORT_FAILED',
    'This build of Tessera lacks its import worker; rebuild it with `npm run build`.',
  );
}
