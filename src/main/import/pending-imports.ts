import { randomUUID } from 'node:crypto';
import { TesseraError } from '../../shared/errors';
import type { ImportEntry } from './import-types';

export interface BatchState {
  id?: number;
  size: number;
  received: Set<number>;
  /** What each batch read so far held, to know a rescan from another export's batch. */
  payloads: Set<string>;
}

/** A parsed import that waits, in main only, for the person to confirm it by id. */
export interface PendingImport {
  id: string;
  format: string;
  entries: ImportEntry[];
  batches: BatchState[];
  expiresAt: number;
}

/** Long enough to read a preview and scan the next batch; short enough that secrets don't linger. */
export const PENDING_TTL_MS = 10 * 60 * 1000;
const MAX_PENDING = 16;

export function createPendingImports(clock: () => number, ttlMs = PENDING_TTL_MS) {
  const pending = new Map<string, PendingImport>();

  const sweep = () => {
    const now = clock();
    for (const [id, item] of pending) if (item.expiresAt <= now) pending.delete(id);
  };

  return {
    create(format: string): PendingImport {
      sweep();
      if (pending.size >= MAX_PENDING) {
        // Evict the oldest: a person has at most a couple of previews open at once.
        const oldest = pending.keys().next().value;
        if (oldest !== undefined) pending.delete(oldest);
      }
      const item: PendingImport = {
        id: randomUUID(),
        format,
        entries: [],
        batches: [],
        expiresAt: clock() + ttlMs,
      };
      pending.set(item.id, item);
      return item;
    },
    get(id: string): PendingImport {
      sweep();
      const item = pending.get(id);
      if (!item) {
        throw new TesseraError(
          'NOT_FOUND',
          'This import preview has expired or was already used; start the import again.',
        );
      }
      item.expiresAt = clock() + ttlMs;
      return item;
    },
    delete(id: string): boolean {
      return pending.delete(id);
    },
    /** Forgets every preview (their secrets with them): the vault locked. */
    clear(): void {
      pending.clear();
    },
    size: () => pending.size,
  };
}

export type PendingImports = ReturnType<typeof createPendingImports>;
