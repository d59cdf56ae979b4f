import type { DetectOptions } from '../detect';
import type { ImportParseResult } from '../import-types';

/**
 * A file to import: its bytes (their buffer is transferred to the worker, not copied), or the
 * base64 text it crossed IPC as, decoded in the worker (on a large file that alone would hold
 * the main thread for a noticeable time).
 */
export type ImportFileData = Uint8Array | { base64: string };

/** What main posts to an import worker. */
export interface ParseRequest {
  file: ImportFileData;
  options: Pick<DetectOptions, 'password' | 'fileName' | 'format'>;
}

/** The one message a worker posts back before main terminates it. */
export type ParseReply =
  { ok: true; results: ImportParseResult[] } | { ok: false; code: string; message: string };
