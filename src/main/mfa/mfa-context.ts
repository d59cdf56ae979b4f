import type { Db } from '../store/database';
import { createAcceptFolder } from './accept-fold';
import { createAcceptLog, type AcceptLog } from './accept-log';
import { createAuditLog, type AuditEntry, type AuditLog } from './audit-log';
import { createCodesAhead, type CodesAhead } from './codes-ahead';
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
  /** The replay guard of users in good standing (accept-log.ts). */
  accepts: AcceptLog;
  writes: WriteQueue;
  /** Whose turn it is to write in this process: the server's queue or the WAL checkpointer. */
  gate: WriteGate;
  keys: MfaKeys;
  /** Enrolled factors with their opened secrets, for the verify hot path. */
  factorCache: FactorCache;
  /** Their codes, computed ahead once a worker is started (the server does). */
  codesAhead: CodesAhead;
  clock: () => number;
  /**
   * Appends an audit event stamped now; call inside a write-queue job. An entry with an `accept`
   * also spends that step in the accept log: its row is what records it.
   */
  record(entry: AuditEntry): void;
}

/**
 * Page cache of the connection, in KiB (negative = size, not pages). The default 2 MiB holds the
 * user rows and index of about 8,000 users; past that every verify read and write decrypts pages
 * again. Pages are cached once decrypted, so this is memory, not a change of what is on disk.
 */
const PAGE_CACHE_KIB = 32 * 1024;

/**
 * What a context keeps in memory (hot states, the accept log's index) is exact only while every
 * write of its connection goes through it: another connection's commits are noticed, its own
 * connection's are not. So one context per connection.
 */
const connectionsWithContext = new WeakSet<Db>();

export function createMfaContext(db: Db, masterKey: Buffer, clock: () => number): MfaContext {
  if (connectionsWithContext.has(db))
    throw new Error('This database connection already has an MFA context.');
  connectionsWithContext.add(db);
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  const keys = createMfaKeys(masterKey);
  const audit = createAuditLog(db);
  const gate = createWriteGate();
  const users = createUserRepository(db);
  // (`writes` is made below: the log asks only from within a batch, never while it is made.)
  const accepts = createAcceptLog(db, audit.writtenId, () => writes.inBatch);
  const codesAhead = createCodesAhead();
  const writes = createWriteQueue(
    db,
    // The accept log catches up before the audit writes the batch's rows, and reads the id of
    // the last before the audit forgets it (accept-log.ts).
    [users.batch, accepts.pending, audit.pending, createAcceptFolder(db, accepts, users, clock)],
    gate,
  );
  return {
    db,
    gate,
    users,
    factors: createFactorRepository(db),
    audit,
    accepts,
    writes,
    keys,
    factorCache: createFactorCache(keys, codesAhead),
    codesAhead,
    clock,
    record(entry) {
      // Outside a batch the event would wait, uncommitted, for whatever batch comes next.
      if (!writes.inBatch) throw new Error('ctx.record must be called inside a write-queue job');
      const now = clock();
      const accept = entry.accept;
      if (accept) accepts.append(accept.pk, accept.factorId, accept.step, now);
      audit.append(entry, now);
    },
  };
}
