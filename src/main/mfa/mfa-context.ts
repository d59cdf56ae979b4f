import type { Db } from '../store/database';
import { createAuditLog, type AuditEntry, type AuditLog } from './audit-log';
import { createFactorRepository, type FactorRepository } from './factor-repository';
import { createMfaKeys, type MfaKeys } from './mfa-keys';
import { createSecretCache, type SecretCache } from './secret-cache';
import { createUserRepository, type UserRepository } from './user-repository';
import { createWriteQueue, type WriteQueue } from './write-queue';

/** Everything the MFA and admin services share, built once per open database. */
export interface MfaContext {
  db: Db;
  users: UserRepository;
  factors: FactorRepository;
  audit: AuditLog;
  writes: WriteQueue;
  keys: MfaKeys;
  secrets: SecretCache;
  clock: () => number;
  /** Appends an audit event stamped now; call inside a write-queue job. */
  record(entry: AuditEntry): void;
}

export function createMfaContext(db: Db, masterKey: Buffer, clock: () => number): MfaContext {
  const keys = createMfaKeys(masterKey);
  const audit = createAuditLog(db);
  return {
    db,
    users: createUserRepository(db),
    factors: createFactorRepository(db),
    audit,
    writes: createWriteQueue(db),
    keys,
    secrets: createSecretCache(keys),
    clock,
    record: (entry) => audit.append(entry, clock()),
  };
}
