import type { Db } from '../store/database';

/** Pending enrollments and backup codes: the rows beside a user's factor. */
export function createFactorRepository(db: Db) {
  const s = {
    putPending: db.prepare(
      'INSERT OR REPLACE INTO mfa_enrollments (id, user_pk, secret, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    ),
    pending: db.prepare(
      'SELECT id, secret, expires_at FROM mfa_enrollments WHERE id = ? AND user_pk = ?',
    ),
    // Taking the pending row is the compare-and-set of a confirm: of two racers only one gets it.
    takePending: db.prepare(
      'DELETE FROM mfa_enrollments WHERE id = ? AND user_pk = ? RETURNING id',
    ),
    deletePending: db.prepare('DELETE FROM mfa_enrollments WHERE user_pk = ?'),
    insertCode: db.prepare('INSERT INTO mfa_backup_codes (user_pk, hash) VALUES (?, ?)'),
    deleteCodes: db.prepare('DELETE FROM mfa_backup_codes WHERE user_pk = ?'),
    // One indexed lookup; the lock and factor checks ride along so a locked user cannot spend a
    // code, nor an attempt prepared against a factor that has since been replaced.
    consumeCode: db.prepare(`
      UPDATE mfa_backup_codes SET used_at = :now
      WHERE user_pk = :pk AND hash = :hash AND used_at IS NULL
        AND EXISTS (SELECT 1 FROM mfa_users WHERE pk = :pk AND totp_factor_id = :factor
          AND (locked_until IS NULL OR locked_until <= :now))
      RETURNING 1 AS ok`),
  };
  return {
    putPending: (id: string, userPk: number, sealed: Buffer, now: number, expiresAt: number) =>
      s.putPending.run(id, userPk, sealed, now, expiresAt),
    pending: (id: string, userPk: number) =>
      s.pending.get(id, userPk) as { id: string; secret: Buffer; expires_at: number } | undefined,
    takePending: (id: string, userPk: number) => s.takePending.get(id, userPk) !== undefined,
    deletePending: (userPk: number) => s.deletePending.run(userPk),
    replaceCodes(userPk: number, hashes: Buffer[]) {
      s.deleteCodes.run(userPk);
      for (const hash of hashes) s.insertCode.run(userPk, hash);
    },
    deleteCodes: (userPk: number) => s.deleteCodes.run(userPk),
    consumeCode: (userPk: number, factor: string, hash: Buffer, now: number) =>
      s.consumeCode.get({ pk: userPk, factor, hash, now }) !== undefined,
  };
}

export type FactorRepository = ReturnType<typeof createFactorRepository>;
