import { parentPort } from 'node:worker_threads';
import { TesseraError } from '../../../shared/errors';
import { parseImportFile } from '../detect';
import type { ParseReply, ParseRequest } from './worker-protocol';

/**
 * The import worker's entry (built as its own file, out/main/import-worker.js): detects, decrypts
 * and parses one file off the main thread, posts one reply, and is then terminated, taking any
 * plaintext it cached with it.
 */
function toReply(error: unknown): ParseReply {
  if (error instanceof TesseraError) return { ok: false, code: error.code, message: error.message };
  return { ok: false, code: 'IMPORT_MALFORMED', message: 'The file could not be read.' };
}

parentPort?.once('message', ({ file, options }: ParseRequest) => {
  const bytes =
    file instanceof Uint8Array ? file : new Uint8Array(Buffer.from(file.base64, 'base64'));
  void parseImportFile(bytes, options).then(
    (results) => parentPort?.postMessage({ ok: true, results } satisfies ParseReply),
    (error: unknown) => parentPort?.postMessage(toReply(error)),
  );
});
