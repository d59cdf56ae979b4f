import { Worker } from 'node:worker_threads';
import { TesseraError } from '../../../shared/errors';
import type { ImportParseResult } from '../import-types';
import type { ImportFileData, ParseReply, ParseRequest } from './worker-protocol';

export interface WorkerLimits {
  /** Wall-clock time after which the worker is terminated. */
  timeoutMs: number;
  /** Ceiling of the worker's V8 heap (old generation), in MiB. */
  maxHeapMb: number;
}

export const importTimeout = (ms: number) =>
  new TesseraError(
    'IMPORT_TIMEOUT',
    `Reading this file took longer than ${Math.round(ms / 1000)} seconds, so Tessera stopped. An export that slow to read is damaged or built to stall the import.`,
  );
const tooLarge = () =>
  new TesseraError(
    'IMPORT_TOO_LARGE',
    'Reading this file needed far more memory than an authenticator export does, so Tessera stopped.',
  );
export const importCancelled = () =>
  new TesseraError('IMPORT_CANCELLED', 'The import was cancelled; nothing was imported.');
const crashed = () =>
  new TesseraError('IMPORT_FAILED', 'Reading the file stopped unexpectedly; nothing was imported.');

/** The caller's bytes when they own their whole buffer (then it moves), else a copy. */
function transferable(file: ImportFileData): { file: ImportFileData; transfer: ArrayBuffer[] } {
  if (!(file instanceof Uint8Array)) return { file, transfer: [] };
  const whole = file.byteOffset === 0 && file.byteLength === file.buffer.byteLength;
  const own = whole && file.buffer instanceof ArrayBuffer ? file : file.slice();
  return { file: own, transfer: [own.buffer as ArrayBuffer] };
}

/**
 * Parses one file in a fresh worker thread: the main thread (verification API, browser-mode
 * server) stays responsive however costly the file is. The worker is terminated once it answers,
 * times out, runs out of heap or is cancelled, so nothing it read outlives the parse. A native
 * call in progress (a SQLite query) finishes before the thread stops, but nobody waits for it.
 */
export function runParseWorker(
  file: string,
  request: ParseRequest,
  limits: WorkerLimits,
  signal?: AbortSignal,
): Promise<ImportParseResult[]> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(importCancelled());
    const worker = new Worker(file, {
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 32 },
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () => finish(() => reject(importTimeout(limits.timeoutMs))),
      limits.timeoutMs,
    );
    const onAbort = () => finish(() => reject(importCancelled()));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (reply: ParseReply) =>
      finish(() =>
        reply.ok ? resolve(reply.results) : reject(new TesseraError(reply.code, reply.message)),
      ),
    );
    worker.once('error', (error: { code?: string }) =>
      finish(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooLarge() : crashed())),
    );
    worker.once('exit', () => finish(() => reject(crashed())));
    const { file: data, transfer } = transferable(request.file);
    worker.postMessage({ ...request, file: data } satisfies ParseRequest, transfer);
  });
}
