import type { Db } from '../store/database';
import { createAuditLog, type AuditEntry, type AuditLog } from './audit-log';
import { createFactorCache, type FactorCache } from './factor-cache';
import { createFactorRepository, type FactorRepository } from './factor-repository';
import { createMfaKeys, type MfaKeys } from './mfa-keys';
import { createUserRepository, type UserRepository } from './user-repository';
import { createWriteGate, type WriteGate } from './write-gate';
import { createWriteQueue, type WriteQueue } from './write-queue';

/** Everything the MFA and admin services share, built once per open database. */
export interface MfaContext {
  db: Db;
  users: UserRepository;
  factors: FactorRepository;
  audit: AuditLog;
  writes: WriteQueue;
  /** Whose turn it is to write in this process: the server's queue or the WAL checkpointer. */
  gate: WriteGate;
  keys: MfaKeys;
  /** Enrolled factors with their opened secrets, for the verify hot path. */
  factorCache: FactorCache;
  clock: () => number;
  /** Appends an audit event stamped now; call inside a write-queue job. */
  record(entry: AuditEntry): void;
}

/**
 * Page cache of the connection, in KiB (negative = size, not pages). The default 2 MiB holds the
 * user rows and index of about 8,000 users; past that every verify read and write decrypts pages
 * again. Pages are cached once decrypted, so this is memory, not a change of what is on disk.
 */
const PAGE_CACHE_KIB = 32 * 1024;

export function createMfaContext(db: Db, masterKey: Buffer, clock: () => number): MfaContext {
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  const keys = createMfaKeys(masterKey);
  const audit = createAuditLog(db);
  const gate = createWriteGate();
  const writes = createWriteQueue(db, audit.pending, gate);
  return {
    db,
    gate,
    users: createUserRepository(db),
    factors: createFactorRepository(db),
    audit,
    writes,
    keys,
    factorCache: createFactorCache(keys),
    clock,
    record(entry) {
      // Outside a batch the event would wait, uncommitted, for whatever batch comes next.
      if (!writes.inBatch) throw new Error('ctx.record must be called inside a write-queue job');
      audit.append(entry, clock());
    },
  };
}
