import type { DetectOptions } from '../detect';
import type { ImportParseResult } from '../import-types';
import { importCancelled, runParseWorker, type WorkerLimits } from './run-worker';
import { importWorkerFile } from './worker-file';
import type { ImportFileData } from './worker-protocol';

/** Parses a file; the signal cancels it. */
export type ImportParser = (
  file: ImportFileData,
  options: Pick<DetectOptions, 'password' | 'fileName' | 'format'>,
  signal?: AbortSignal,
) => Promise<ImportParseResult[]>;

/**
 * Far above what a real export needs (the slowest, an Argon2id-sealed Ente file at its strongest
 * profile, takes seconds; a 32 MiB JSON export parses in a few hundred MiB of heap).
 */
export const DEFAULT_IMPORT_LIMITS: WorkerLimits = { timeoutMs: 60_000, maxHeapMb: 768 };
/** The limits for an app, with its configured time limit if any. */
export function importLimits(config: { importTimeoutMs?: number }): WorkerLimits {
  return {
    ...DEFAULT_IMPORT_LIMITS,
    timeoutMs: config.importTimeoutMs ?? DEFAULT_IMPORT_LIMITS.timeoutMs,
  };
}

/** Two cores are common: a third import waits rather than taking the API's core too. */
const MAX_PARALLEL = 2;

function createGate(max: number) {
  let running = 0;
  const queue: (() => void)[] = [];
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else running--;
  };
  return (signal?: AbortSignal): Promise<() => void> => {
    if (signal?.aborted) return Promise.reject(importCancelled());
    if (running < max) {
      running++;
      return Promise.resolve(release);
    }
    return new Promise((resolve, reject) => {
      const go = () => {
        signal?.removeEventListener('abort', abort);
        resolve(release);
      };
      const abort = () => {
        queue.splice(queue.indexOf(go), 1);
        reject(importCancelled());
      };
      queue.push(go);
      signal?.addEventListener('abort', abort, { once: true });
    });
  };
}

/** The parser every front end uses: one worker per file, at most MAX_PARALLEL at a time. */
export function workerParser(
  limits: WorkerLimits = DEFAULT_IMPORT_LIMITS,
  workerFile: () => string = importWorkerFile,
): ImportParser {
  const acquire = createGate(MAX_PARALLEL);
  return async (file, options, signal) => {
    const release = await acquire(signal);
    try {
      const request = {
        file,
        options: {
          ...(options.password !== undefined ? { password: options.password } : {}),
          ...(options.fileName !== undefined ? { fileName: options.fileName } : {}),
          ...(options.format !== undefined ? { format: options.format } : {}),
        },
      };
      return await runParseWorker(workerFile(), request, limits, signal);
    } finally {
      release();
    }
  };
}
