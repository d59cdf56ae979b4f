import type { Db } from '../../../store/database';
import { LOCKED_UNTIL_SQL } from '../../lockout';
import type { AuditEntry, MfaReads, MfaTx } from '../mfa-store';

type Writes = Omit<MfaTx, keyof MfaReads>;

const NOT_LOCKED = '(locked_until IS NULL OR locked_until <= :now)';

/** The port's writes: each decision is one conditional statement whose result decides. */
export function createSqliteWrites(db: Db): Writes {
  const s = {
    audit:
      db.prepare(`INSERT INTO audit_events (at, actor, client_id, user_id, event, outcome, detail)
      VALUES (?, ?, ?, ?, ?, ?, ?)`),
    insertClient: db.prepare(
      'INSERT INTO api_clients (id, name, scope, key_hash, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    revokeClient: db.prepare(
      'UPDATE api_clients SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
    ),
    setPolicy: db.prepare(`UPDATE api_clients SET policy_mode = :mode, policy_window = :window,
      policy_max_failures = :maxFailures, policy_backup_code_count = :backupCodeCount WHERE id = :id`),
    insertUser:
      db.prepare(`INSERT INTO mfa_users (client_id, user_id, display_name, email, created_at, updated_at)
      VALUES (:clientId, :userId, :displayName, :email, :now, :now)
      ON CONFLICT (client_id, user_id) DO NOTHING RETURNING pk`),
    updateUser:
      db.prepare(`UPDATE mfa_users SET display_name = coalesce(:displayName, display_name),
      email = coalesce(:email, email), updated_at = :now
      WHERE client_id = :clientId AND user_id = :userId RETURNING pk`),
    deleteUser: db.prepare('DELETE FROM mfa_users WHERE pk = ?'),
    putPending: db.prepare(
      'INSERT OR REPLACE INTO mfa_enrollments (id, user_pk, secret, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    ),
    // The confirm's compare-and-set: applies only while the pending row stands, unexpired, and
    // the user has no factor and no lock.
    setFactor: db.prepare(`UPDATE mfa_users SET totp_factor_id = :id, totp_secret = :secret,
        totp_enrolled_at = :now, totp_last_step = :step, backup_codes_remaining = :codes,
        failures = 0, locked_until = NULL, updated_at = :now
      WHERE pk = :pk AND totp_factor_id IS NULL AND ${NOT_LOCKED} AND EXISTS (SELECT 1 FROM
        mfa_enrollments WHERE id = :id AND user_pk = :pk AND expires_at > :now)`),
    pendingLive: db.prepare(
      'SELECT 1 FROM mfa_enrollments WHERE id = ? AND user_pk = ? AND expires_at > ?',
    ),
    factorOf: db.prepare('SELECT totp_factor_id FROM mfa_users WHERE pk = ?').pluck(),
    deletePending: db.prepare('DELETE FROM mfa_enrollments WHERE user_pk = ?'),
    acceptTotp: db.prepare(`UPDATE mfa_users SET totp_last_step = :step, failures = 0,
        locked_until = NULL, last_verified_at = :now
      WHERE pk = :pk AND totp_factor_id = :factor AND totp_last_step < :step AND ${NOT_LOCKED}
      RETURNING backup_codes_remaining`),
    spendCode: db.prepare(`UPDATE mfa_backup_codes SET used_at = :now
      WHERE user_pk = :pk AND hash = :hash AND used_at IS NULL
        AND EXISTS (SELECT 1 FROM mfa_users WHERE pk = :pk AND totp_factor_id = :factor AND ${NOT_LOCKED})
      RETURNING 1`),
    afterSpend: db.prepare(`UPDATE mfa_users SET failures = 0, locked_until = NULL,
        last_verified_at = :now, backup_codes_remaining = backup_codes_remaining - 1
      WHERE pk = :pk RETURNING backup_codes_remaining`),
    countFailure: db.prepare(`UPDATE mfa_users SET failures = failures + 1,
        locked_until = ${LOCKED_UNTIL_SQL}
      WHERE pk = :pk AND totp_factor_id IS :factor AND ${NOT_LOCKED}
      RETURNING failures, locked_until`),
    clearFactor: db.prepare(`UPDATE mfa_users SET totp_factor_id = NULL, totp_secret = NULL,
        totp_enrolled_at = NULL, totp_last_step = -1, backup_codes_remaining = 0, failures = 0,
        locked_until = NULL, updated_at = ? WHERE pk = ?`),
    deleteCodes: db.prepare('DELETE FROM mfa_backup_codes WHERE user_pk = ?'),
    insertCode: db.prepare('INSERT INTO mfa_backup_codes (user_pk, hash) VALUES (?, ?)'),
    setCodeCount: db.prepare(
      'UPDATE mfa_users SET backup_codes_remaining = ? WHERE pk = ? AND totp_factor_id = ?',
    ),
    unlock: db.prepare(
      'UPDATE mfa_users SET failures = 0, locked_until = NULL, updated_at = ? WHERE pk = ?',
    ),
  };
  const putCodes = (pk: number, hashes: Buffer[]) => {
    s.deleteCodes.run(pk);
    for (const hash of hashes) s.insertCode.run(pk, hash);
  };
  const writeAudit = (e: AuditEntry) => {
    const detail = e.detail ? JSON.stringify(e.detail) : null;
    s.audit.run(e.at, e.actor, e.clientId, e.userId, e.event, e.outcome, detail);
  };
  const done = Promise.resolve();
  return {
    record(e) {
      writeAudit(e);
      return done;
    },
    insertClient(c) {
      s.insertClient.run(c.id, c.name, c.scope, c.keyHash, c.createdAt);
      return done;
    },
    revokeClient: (id, now) => Promise.resolve(s.revokeClient.run(now, id).changes > 0),
    setPolicy: (id, policy) => Promise.resolve(s.setPolicy.run({ id, ...policy }).changes > 0),
    upsertUser(u) {
      const params = {
        clientId: u.clientId,
        userId: u.userId,
        displayName: u.displayName ?? null,
        email: u.email ?? null,
        now: u.now,
      };
      const inserted = s.insertUser.get(params) as { pk: number } | undefined;
      if (inserted) return Promise.resolve({ pk: inserted.pk, created: true });
      const { pk } = s.updateUser.get(params) as { pk: number };
      return Promise.resolve({ pk, created: false });
    },
    deleteUser: (pk) => Promise.resolve(s.deleteUser.run(pk).changes > 0),
    putPending(p) {
      s.putPending.run(p.id, p.userPk, p.sealedSecret, p.createdAt, p.expiresAt);
      return done;
    },
    confirmEnrollment(c) {
      const applied = s.setFactor.run({
        pk: c.pk,
        id: c.enrollmentId,
        secret: c.sealedSecret,
        step: c.step,
        codes: c.backupCodeHashes.length,
        now: c.now,
      }).changes;
      if (applied === 0) {
        // Nothing changed; what stood in the way, read under the same lock.
        if (s.factorOf.get(c.pk) != null) return Promise.resolve('enrolled' as const);
        const live = s.pendingLive.get(c.enrollmentId, c.pk, c.now);
        return Promise.resolve(live ? ('locked' as const) : ('gone' as const));
      }
      s.deletePending.run(c.pk);
      putCodes(c.pk, c.backupCodeHashes);
      return Promise.resolve('ok' as const);
    },
    acceptTotp({ pk, factorId, step, now }, audit) {
      const row = s.acceptTotp.get({ pk, factor: factorId, step, now }) as
        { backup_codes_remaining: number } | undefined;
      if (!row) return Promise.resolve(undefined);
      writeAudit(audit);
      return Promise.resolve({ backupCodesRemaining: row.backup_codes_remaining });
    },
    spendBackupCode: ({ pk, factorId, hash, now }) => {
      if (s.spendCode.get({ pk, factor: factorId, hash, now }) === undefined)
        return Promise.resolve(undefined);
      const row = s.afterSpend.get({ pk, now }) as { backup_codes_remaining: number };
      return Promise.resolve({ backupCodesRemaining: row.backup_codes_remaining });
    },
    countFailure: ({ pk, factorId, maxFailures, now }) => {
      const row = s.countFailure.get({ pk, factor: factorId, max: maxFailures, now }) as
        { failures: number; locked_until: number | null } | undefined;
      return Promise.resolve(row && { failures: row.failures, lockedUntil: row.locked_until });
    },
    clearFactor(pk, now) {
      s.clearFactor.run(now, pk);
      s.deleteCodes.run(pk);
      s.deletePending.run(pk);
      return done;
    },
    unlock: (pk, now) => Promise.resolve(s.unlock.run(now, pk).changes > 0),
    replaceBackupCodes(pk, factorId, hashes) {
      if (s.setCodeCount.run(hashes.length, pk, factorId).changes === 0)
        return Promise.resolve(false);
      putCodes(pk, hashes);
      return Promise.resolve(true);
    },
  };
}
