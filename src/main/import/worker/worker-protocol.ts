import type { DetectOptions } from '../detect';
import type { ImportParseResult } from '../import-types';

/** What main posts to an import worker: the file (its buffer is transferred, not copied). */
export interface ParseRequest {
  bytes: Uint8Array;
  options: Pick<DetectOptions, 'password' | 'fileName'>;
}

/** The one message a worker posts back before main terminates it. */
export type ParseReply =
  { ok: true; results: ImportParseResult[] } | { ok: false; code: string; message: string };
