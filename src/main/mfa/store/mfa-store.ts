import type { AuditEvent, AuditEventName, Policy } from '../../../shared/api';

/**
 * The storage port of the MFA server: everything it keeps (API clients and their policy, users,
 * their factor, pending enrollments, backup codes, failure and lock state, the audit log). Two
 * adapters implement it: the encrypted SQLite file (`sqlite/`) and PostgreSQL (`postgres/`). The
 * services never learn which one they run on.
 *
 * Accept-once, in one read: every security decision is ONE conditional write whose result
 * decides (`UPDATE … WHERE <still allowed> RETURNING …`), run inside a transaction that commits
 * (durably) before the caller answers. Nothing kept in memory takes part in a decision, so the
 * guarantees hold across any number of processes and instances sharing the database.
 *
 * Times are milliseconds since the epoch; a TOTP step is `floor(seconds / 30)`. Secrets arrive
 * sealed and codes and keys as keyed hashes: neither adapter ever sees one in clear.
 */
export interface MfaStore {
  readonly kind: 'sqlite' | 'postgres';
  /**
   * Runs `work` in one transaction and resolves once it has committed durably. `work` may only
   * await the methods of `tx` (no other I/O): the SQLite adapter runs the work of many callers in
   * one transaction (group commit), so one fsync serves them all. A throw rolls back that work's
   * writes only and rejects its caller.
   */
  transaction<T>(work: (tx: MfaTx) => Promise<T>): Promise<T>;
  /**
   * `MfaTx.acceptTotp` as a transaction of its own, durable when it resolves: the common case of
   * a verify (a code that matches) with no transaction around it, so that on PostgreSQL it is
   * one round trip (one statement, committed by itself) instead of four.
   */
  acceptTotp: MfaTx['acceptTotp'];
  /** Reads outside any transaction (each is one statement; it may not see a write in flight). */
  read: MfaReads;
  close(): Promise<void>;
}

/** Reads, available outside and inside a transaction. */
export interface MfaReads {
  client(id: string): Promise<ClientRecord | undefined>;
  clients(): Promise<ClientRecord[]>;
  user(clientId: string, userId: string): Promise<UserRecord | undefined>;
  userByPk(pk: number): Promise<UserRecord | undefined>;
  /** The admin console's list: pages by pk, filtered (the status is computed at `now`). */
  users(query: UserListFilter, now: number): Promise<UserListRow[]>;
  pendingEnrollment(id: string, userPk: number): Promise<PendingEnrollment | undefined>;
  audit(filter: AuditFilter): Promise<AuditEvent[]>;
}

/** A transaction's statements. Every decision below is one statement; its result decides. */
export interface MfaTx extends MfaReads {
  /**
   * Appends an audit row; it commits or rolls back with the decision it records. (Named
   * `record`, not `audit`: `audit(filter)` is the read this interface inherits.)
   */
  record(entry: AuditEntry): Promise<void>;

  insertClient(client: NewClient): Promise<void>;
  /** `… SET revoked_at WHERE id AND revoked_at IS NULL`: false when unknown or already revoked. */
  revokeClient(id: string, now: number): Promise<boolean>;
  setPolicy(id: string, policy: Policy): Promise<boolean>;

  /** Insert, or update the names of, a user: `INSERT … ON CONFLICT DO UPDATE … RETURNING`. */
  upsertUser(user: UpsertUser): Promise<{ pk: number; created: boolean }>;
  deleteUser(pk: number): Promise<boolean>;

  /** Replaces the user's pending enrollment (one per user). */
  putPending(pending: PendingEnrollment & { userPk: number; createdAt: number }): Promise<void>;
  /**
   * The confirm's compare-and-set: deletes the pending row and sets the factor in one statement
   * chain that applies only if the pending row was there and unexpired at `now`, the user has
   * no factor and is not locked at `now`. Returns what stood in the way, or 'ok'; the confirm
   * also clears failures and lock.
   */
  confirmEnrollment(confirm: ConfirmEnrollment): Promise<'ok' | 'gone' | 'enrolled' | 'locked'>;

  /**
   * A TOTP accept: `UPDATE … SET last_step = :step, failures = 0, locked_until = NULL,
   * last_verified_at = :now WHERE pk AND factor AND last_step < :step AND <not locked at :now>
   * RETURNING backup_codes_remaining`, and `audit` appended only if it applied (in the same
   * statement on PostgreSQL). undefined: replayed, locked or the factor changed, which the caller
   * tells apart from the row as it is now; nothing was written.
   */
  acceptTotp(
    accept: TotpAccept,
    audit: AuditEntry,
  ): Promise<{ backupCodesRemaining: number } | undefined>;
  /**
   * A backup code spent: `UPDATE backup codes SET used_at WHERE user AND hash AND used_at IS NULL
   * AND <factor unchanged, not locked> RETURNING`, then the user's count, failures and lock
   * reset. undefined when the code is unknown, spent, or the user locked or changed.
   */
  spendBackupCode(spend: {
    pk: number;
    factorId: string;
    hash: Buffer;
    now: number;
  }): Promise<{ backupCodesRemaining: number } | undefined>;
  /**
   * A failure counted and the lock engaged in one statement (`failures = failures + 1,
   * locked_until = <rule>`), only while not locked and the factor unchanged. undefined: locked
   * or changed; nothing counted. `factorId` null: the user has no factor (a wrong code at an
   * enrollment confirm), compared with `IS` / `IS NOT DISTINCT FROM`.
   */
  countFailure(failure: {
    pk: number;
    factorId: string | null;
    maxFailures: number;
    now: number;
  }): Promise<{ failures: number; lockedUntil: number | null } | undefined>;
  /** The factor, its backup codes, its pending enrollment and any lock, gone. */
  clearFactor(pk: number, now: number): Promise<void>;
  /** Failures and lock cleared. */
  unlock(pk: number, now: number): Promise<boolean>;
  /** A new set of backup codes, only while `factorId` is still the user's factor. */
  replaceBackupCodes(pk: number, factorId: string, hashes: Buffer[]): Promise<boolean>;
}

export interface TotpAccept {
  pk: number;
  factorId: string;
  step: number;
  now: number;
}
export interface ClientRecord {
  id: string;
  name: string;
  scope: 'client' | 'admin';
  keyHash: Buffer;
  createdAt: number;
  revokedAt: number | null;
  policy: Policy;
}

export type NewClient = Omit<ClientRecord, 'revokedAt' | 'policy'>;

export interface UserRecord {
  pk: number;
  clientId: string;
  userId: string;
  displayName: string | null;
  email: string | null;
  createdAt: number;
  factorId: string | null;
  /** Sealed with the factor id as associated data (mfa-keys.ts). */
  sealedSecret: Buffer | null;
  /** The last accepted TOTP step of this factor; -1 when none. */
  lastStep: number;
  backupCodesRemaining: number;
  failures: number;
  lockedUntil: number | null;
  lastVerifiedAt: number | null;
  /** When the user's pending enrollment expires, if there is one. */
  pendingExpiresAt: number | null;
}

export interface UpsertUser {
  clientId: string;
  userId: string;
  /** undefined keeps what is stored. */
  displayName: string | undefined;
  email: string | undefined;
  now: number;
}

export interface PendingEnrollment {
  id: string;
  sealedSecret: Buffer;
  expiresAt: number;
}

export interface ConfirmEnrollment {
  pk: number;
  enrollmentId: string;
  /** The factor's id is the enrollment's id. */
  sealedSecret: Buffer;
  /** The step the confirming code matched: it is spent by the confirm. */
  step: number;
  backupCodeHashes: Buffer[];
  now: number;
}

export interface UserListFilter {
  clientId?: string | undefined;
  q?: string | undefined;
  status?: 'none' | 'pending' | 'enrolled' | undefined;
  /** Rows with a pk above this. */
  afterPk?: number | undefined;
  limit: number;
}

export type UserListRow = UserRecord & { policyMode: Policy['mode'] };

export type AuditDetail = Record<string, string | number | boolean | null>;

export interface AuditEntry {
  at: number;
  actor: string;
  clientId: string | null;
  userId: string | null;
  event: AuditEventName;
  outcome: 'success' | 'failure';
  /** Small non-secret facts only (method, lock expiry); never a code, secret or key. */
  detail?: AuditDetail;
}

export interface AuditFilter {
  clientId?: string;
  userId?: string;
  event?: string;
  sinceMs?: number;
  /** Events older than this id (pages go newest first). */
  beforeId?: number;
  limit: number;
}
