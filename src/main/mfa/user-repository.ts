import type { Db } from '../store/database';
import { LOCKED_UNTIL_SQL } from './lockout';
import type { BatchTail } from './write-queue';

/** Bounded so a server with very many users cannot grow without limit; refilled on demand. */
const MAX_REMEMBERED = 500_000;

export interface UserRow {
  pk: number;
  client_id: string;
  user_id: string;
  display_name: string | null;
  email: string | null;
  created_at: number;
  totp_factor_id: string | null;
  totp_secret: Buffer | null;
  totp_folded_step: number;
  backup_codes_remaining: number;
  failures: number;
  locked_until: number | null;
  last_verified_at: number | null;
  pending_expires_at: number | null;
}

/**
 * What a TOTP decision reads of the row inside its write transaction, as a tuple (no object per
 * verify): the factor, the row's replay guard, the failure count, the lock and the codes left.
 */
export type HotState = [
  factorId: string | null,
  foldedStep: number,
  failures: number,
  lockedUntil: number | null,
  backupCodesRemaining: number,
];

/** The columns of a `HotState`, in its order. */
const HOT_COLUMNS =
  'totp_factor_id, totp_folded_step, failures, locked_until, backup_codes_remaining';

/** An enrolled user as the factor cache's warm-up reads it. */
export interface EnrolledRow {
  pk: number;
  clientId: string;
  userId: string;
  factorId: string;
  sealed: Buffer;
}

/** What the verify path needs, nothing more (it runs on every request). */
export type VerifyRow = Pick<
  UserRow,
  'pk' | 'totp_factor_id' | 'totp_secret' | 'backup_codes_remaining' | 'locked_until'
>;

const USER_COLUMNS = `u.*, (SELECT expires_at FROM mfa_enrollments e WHERE e.user_pk = u.pk) AS pending_expires_at`;

/** Prepared statements over mfa_users. Conditional writes return a row only when they applied. */
export function createUserRepository(db: Db) {
  const s = {
    find: db.prepare(`SELECT ${USER_COLUMNS} FROM mfa_users u WHERE client_id = ? AND user_id = ?`),
    findByPk: db.prepare(`SELECT ${USER_COLUMNS} FROM mfa_users u WHERE pk = ?`),
    forVerify: db.prepare(
      'SELECT pk, totp_factor_id, totp_secret, backup_codes_remaining, locked_until FROM mfa_users WHERE client_id = ? AND user_id = ?',
    ),
    insert: db.prepare(
      'INSERT INTO mfa_users (client_id, user_id, display_name, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING pk',
    ),
    update: db.prepare(
      'UPDATE mfa_users SET display_name = coalesce(?, display_name), email = coalesce(?, email), updated_at = ? WHERE pk = ?',
    ),
    delete: db.prepare('DELETE FROM mfa_users WHERE pk = ?'),
    hotState: db.prepare(`SELECT ${HOT_COLUMNS} FROM mfa_users WHERE pk = ?`).raw(),
    enrolledIn: db
      .prepare(
        `SELECT pk, client_id, user_id, totp_secret, ${HOT_COLUMNS} FROM mfa_users
         WHERE pk > ? AND pk <= ? AND totp_secret IS NOT NULL ORDER BY pk`,
      )
      .raw(),
    // A success of a user with failures or a lapsed lock; the checks ride along (attempt.ts).
    acceptTotp: db.prepare(`
      UPDATE mfa_users SET totp_folded_step = ?, failures = 0, locked_until = NULL, last_verified_at = ?
      WHERE pk = ? AND totp_factor_id = ? AND totp_folded_step < ?
        AND (locked_until IS NULL OR locked_until <= ?)`),
    acceptBackup: db.prepare(`
      UPDATE mfa_users SET failures = 0, locked_until = NULL, last_verified_at = :now,
        backup_codes_remaining = backup_codes_remaining - 1
      WHERE pk = :pk RETURNING backup_codes_remaining`),
    // Counting a failure and engaging the lock is one statement; a locked row is not counted, nor
    // one whose factor changed since the code was checked (a reset or re-enrollment in between).
    countFailure: db.prepare(`
      UPDATE mfa_users SET failures = failures + 1, locked_until = ${LOCKED_UNTIL_SQL}
      WHERE pk = :pk AND totp_factor_id = :factor AND (locked_until IS NULL OR locked_until <= :now)
      RETURNING failures, locked_until`),
    setFactor: db.prepare(`
      UPDATE mfa_users SET totp_factor_id = :factor, totp_secret = :secret, totp_enrolled_at = :now,
        totp_folded_step = :step, backup_codes_remaining = :codes, failures = 0, locked_until = NULL, updated_at = :now
      WHERE pk = :pk AND totp_factor_id IS NULL`),
    // The factor's last verification may be in the accept log only, which stops counting it
    // once the factor is gone: the caller passes it (0 for none) to keep it on the row.
    clearFactor: db.prepare(`
      UPDATE mfa_users SET totp_factor_id = NULL, totp_secret = NULL, totp_enrolled_at = NULL, totp_folded_step = -1,
        backup_codes_remaining = 0, failures = 0, locked_until = NULL, updated_at = :now,
        last_verified_at = nullif(max(coalesce(last_verified_at, 0), :verifiedAt), 0)
      WHERE pk = :pk`),
    setBackupCount: db.prepare('UPDATE mfa_users SET backup_codes_remaining = ? WHERE pk = ?'),
    // Raises only, and names the factor: see accept-fold.ts.
    foldAccept: db.prepare(`
      UPDATE mfa_users SET totp_folded_step = max(totp_folded_step, ?),
        last_verified_at = max(coalesce(last_verified_at, 0), ?)
      WHERE pk = ? AND totp_factor_id = ?`),
    largestPk: db.prepare('SELECT coalesce(max(pk), 0) FROM mfa_users').pluck(),
    // Changes only when another connection (another process) committed.
    dataVersion: db.prepare('PRAGMA data_version').pluck(),
    unlock: db.prepare(
      'UPDATE mfa_users SET failures = 0, locked_until = NULL, updated_at = ? WHERE pk = ?',
    ),
  };
  /**
   * Hot states read before, by row: while no other connection has committed, a row changes only
   * through the writes below, and each forgets it; a batch or job rolled back forgets them all
   * (it may have read its own writes). So a verify decides without reading the row, exactly.
   */
  const remembered = new Map<number, HotState>();
  let version = s.dataVersion.get();
  // Once per batch: under the write lock nobody else can commit until it ends.
  let checked = false;
  const changed = <T>(pk: number, result: T): T => {
    remembered.delete(pk);
    return result;
  };
  return {
    find: (clientId: string, userId: string) => s.find.get(clientId, userId) as UserRow | undefined,
    findByPk: (pk: number) => s.findByPk.get(pk) as UserRow | undefined,
    forVerify: (clientId: string, userId: string) =>
      s.forVerify.get(clientId, userId) as VerifyRow | undefined,
    insert: (
      clientId: string,
      userId: string,
      displayName: string | null,
      email: string | null,
      now: number,
    ) => {
      const { pk } = s.insert.get(clientId, userId, displayName, email, now, now) as { pk: number };
      // A row deleted and made again may take the same pk.
      return changed(pk, pk);
    },
    update: (pk: number, displayName: string | null, email: string | null, now: number) =>
      s.update.run(displayName, email, now, pk),
    delete: (pk: number) => changed(pk, s.delete.run(pk).changes > 0),
    largestPk: () => s.largestPk.get() as number,
    /** Inside a write-queue job (the write lock makes the memory exact). */
    hotState(pk: number): HotState | undefined {
      if (!checked) {
        checked = true;
        const current = s.dataVersion.get();
        if (current !== version) {
          remembered.clear();
          version = current;
        }
      }
      let state = remembered.get(pk);
      if (state === undefined) {
        state = s.hotState.get(pk) as HotState | undefined;
        if (state === undefined) return undefined;
        if (remembered.size >= MAX_REMEMBERED) remembered.clear();
        remembered.set(pk, state);
      }
      return state;
    },
    /**
     * The enrolled users with a pk in (after, upTo], for the factor cache's warm-up. Their hot
     * states are kept too, unless one is known already, though read outside a batch: exact for
     * the same reason as those read in one (a later commit of this connection forgets the row,
     * and one of another connection makes the next batch forget everything, as the data version
     * then moved since the last batch looked).
     */
    enrolledIn(after: number, upTo: number): EnrolledRow[] {
      const rows = s.enrolledIn.all(after, upTo) as [number, string, string, Buffer, ...HotState][];
      return rows.map(([pk, clientId, userId, sealed, ...hot]) => {
        if (remembered.size < MAX_REMEMBERED && !remembered.has(pk)) remembered.set(pk, hot);
        return { pk, clientId, userId, factorId: hot[0]!, sealed };
      });
    },
    acceptTotp: (pk: number, factor: string, step: number, now: number) =>
      changed(pk, s.acceptTotp.run(step, now, pk, factor, step, now).changes > 0),
    acceptBackup: (pk: number, now: number) =>
      changed(
        pk,
        (s.acceptBackup.get({ pk, now }) as { backup_codes_remaining: number })
          .backup_codes_remaining,
      ),
    countFailure: (pk: number, factor: string, max: number, now: number) =>
      changed(
        pk,
        s.countFailure.get({ pk, factor, max, now }) as
          { failures: number; locked_until: number | null } | undefined,
      ),
    setFactor(
      pk: number,
      factor: string,
      secret: Buffer,
      step: number,
      codes: number,
      now: number,
    ): boolean {
      remembered.delete(pk);
      if (s.setFactor.run({ pk, factor, secret, step, codes, now }).changes === 0) return false;
      // The row is exactly this now, and its first verify (a login) comes next.
      remembered.set(pk, [factor, step, 0, null, codes]);
      return true;
    },
    clearFactor: (pk: number, now: number, verifiedAt: number | null) =>
      changed(pk, s.clearFactor.run({ pk, now, verifiedAt: verifiedAt ?? 0 })),
    setBackupCount: (pk: number, count: number) => changed(pk, s.setBackupCount.run(count, pk)),
    unlock: (pk: number, now: number) => changed(pk, s.unlock.run(now, pk).changes > 0),
    foldAccept(pk: number, factor: string, step: number, at: number): void {
      const applied = s.foldAccept.run(step, at, pk, factor).changes > 0;
      const state = remembered.get(pk);
      if (!state) return;
      // Kept in step rather than forgotten: a sweep folds nearly every active user.
      if (applied && state[0] === factor) state[1] = Math.max(state[1], step);
      else remembered.delete(pk);
    },
    /**
     * The write queue's tail, for the batch boundaries: the hot states are checked against other
     * connections once per batch, and forgotten when writes are rolled back.
     */
    batch: {
      mark: () => 0,
      rollbackTo() {
        remembered.clear();
        checked = false;
      },
      write: () => undefined,
      committed() {
        checked = false;
      },
    } satisfies BatchTail,
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
