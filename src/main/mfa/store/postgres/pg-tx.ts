import type { AuditEntry, MfaTx, TotpAccept } from '../mfa-store';
import { lockedUntilSql } from './lockout-sql';
import { pgReads, prepared, type Queryable } from './pg-reads';

/** "Not locked at $now", over mfa_users. */
const UNLOCKED = '(locked_until IS NULL OR locked_until <= $now)';

/** Runs `sql` with `$name` placeholders, numbered in the order of `values`' keys. */
async function runNamed<R extends object>(
  db: Queryable,
  sql: string,
  values: Record<string, unknown>,
): Promise<R[]> {
  const names = Object.keys(values);
  const text = sql.replace(/\$([a-z]+)/gi, (_, name: string) => {
    const index = names.indexOf(name);
    if (index < 0) throw new Error(`No value for $${name}.`);
    return `$${index + 1}`;
  });
  return (await db.query<R & Record<string, unknown>>(prepared(text, Object.values(values)))).rows;
}

/**
 * The TOTP accept and its audit row in ONE statement: on a pool it is a transaction of its own
 * (one round trip), inside a transaction one of its statements. The audit row is inserted only
 * from the row the UPDATE returned.
 */
export async function acceptTotp(
  db: Queryable,
  a: TotpAccept,
  audit: AuditEntry,
): Promise<{ backupCodesRemaining: number } | undefined> {
  const [row] = await runNamed<{ backup_codes_remaining: number }>(
    db,
    `WITH accepted AS (
       UPDATE mfa_users SET last_step = $step, failures = 0, locked_until = NULL,
         last_verified_at = $now
       WHERE pk = $pk AND factor_id = $factor AND last_step < $step AND ${UNLOCKED}
       RETURNING backup_codes_remaining
     ), audited AS (
       INSERT INTO audit_events (at, actor, client_id, user_id, event, outcome, detail)
       SELECT $at::bigint, $actor::text, $clientId::text, $userId::text, $event::text,
         $outcome::text, $detail::jsonb FROM accepted
     )
     SELECT backup_codes_remaining FROM accepted`,
    {
      pk: a.pk,
      factor: a.factorId,
      step: a.step,
      now: a.now,
      ...auditValues(audit),
    },
  );
  return row && { backupCodesRemaining: row.backup_codes_remaining };
}

const auditValues = (e: AuditEntry) => ({
  at: e.at,
  actor: e.actor,
  clientId: e.clientId,
  userId: e.userId,
  event: e.event,
  outcome: e.outcome,
  detail: e.detail ? JSON.stringify(e.detail) : null,
});

/**
 * One transaction's statements over its connection. Each decision is ONE statement whose row
 * locks make it exact under READ COMMITTED: a racer waits for the row, then re-checks the WHERE
 * against the committed version and finds it no longer holds. Where a statement touches a user
 * and its codes or enrollment, it locks the user's row first (as clearFactor and deleteUser do),
 * so no two of them wait on each other in opposite orders.
 */
export function pgTx(db: Queryable): MfaTx {
  const run = <R extends object>(sql: string, values: Record<string, unknown>) =>
    runNamed<R>(db, sql, values);
  return {
    ...pgReads(db, true),

    async record(entry) {
      await run(
        `INSERT INTO audit_events (at, actor, client_id, user_id, event, outcome, detail)
         VALUES ($at, $actor, $clientId, $userId, $event, $outcome, $detail)`,
        auditValues(entry),
      );
    },

    async insertClient(c) {
      await run(
        `INSERT INTO api_clients (id, name, scope, key_hash, created_at)
         VALUES ($id, $name, $scope, $keyHash, $createdAt)`,
        { id: c.id, name: c.name, scope: c.scope, keyHash: c.keyHash, createdAt: c.createdAt },
      );
    },
    async revokeClient(id, now) {
      const rows = await run(
        'UPDATE api_clients SET revoked_at = $now WHERE id = $id AND revoked_at IS NULL RETURNING id',
        { id, now },
      );
      return rows.length > 0;
    },
    async setPolicy(id, p) {
      const rows = await run(
        `UPDATE api_clients SET policy_mode = $mode, policy_window = $window,
           policy_max_failures = $maxFailures, policy_backup_code_count = $backupCodeCount
         WHERE id = $id RETURNING id`,
        {
          id,
          mode: p.mode,
          window: p.window,
          maxFailures: p.maxFailures,
          backupCodeCount: p.backupCodeCount,
        },
      );
      return rows.length > 0;
    },

    async upsertUser(u) {
      const [row] = await run<{ pk: number; created: boolean }>(
        `INSERT INTO mfa_users (client_id, user_id, display_name, email, created_at, updated_at)
         VALUES ($clientId, $userId, $displayName, $email, $now, $now)
         ON CONFLICT (client_id, user_id) DO UPDATE SET
           display_name = coalesce(EXCLUDED.display_name, mfa_users.display_name),
           email = coalesce(EXCLUDED.email, mfa_users.email), updated_at = EXCLUDED.updated_at
         RETURNING pk, (xmax = 0) AS created`,
        {
          clientId: u.clientId,
          userId: u.userId,
          displayName: u.displayName ?? null,
          email: u.email ?? null,
          now: u.now,
        },
      );
      return { pk: row!.pk, created: row!.created };
    },
    async deleteUser(pk) {
      return (await run('DELETE FROM mfa_users WHERE pk = $pk RETURNING pk', { pk })).length > 0;
    },

    async putPending(p) {
      await run(
        `INSERT INTO mfa_enrollments (id, user_pk, sealed_secret, created_at, expires_at)
         VALUES ($id, $userPk, $sealed, $createdAt, $expiresAt)
         ON CONFLICT (user_pk) DO UPDATE SET id = EXCLUDED.id, sealed_secret = EXCLUDED.sealed_secret,
           created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at`,
        {
          id: p.id,
          userPk: p.userPk,
          sealed: p.sealedSecret,
          createdAt: p.createdAt,
          expiresAt: p.expiresAt,
        },
      );
    },
    async confirmEnrollment(c) {
      // The user's row locked while it still has no factor and no lock, then the pending row
      // taken: of two confirms, the second finds the factor set and nothing changes.
      const rows = await run(
        `WITH u AS (
           SELECT pk FROM mfa_users WHERE pk = $pk AND factor_id IS NULL AND ${UNLOCKED} FOR UPDATE
         ), taken AS (
           DELETE FROM mfa_enrollments
           WHERE id = $id AND user_pk = (SELECT pk FROM u) AND expires_at > $now RETURNING user_pk
         )
         UPDATE mfa_users SET factor_id = $id, sealed_secret = $sealed, enrolled_at = $now,
           last_step = $step, backup_codes_remaining = $count, failures = 0, locked_until = NULL,
           updated_at = $now
         WHERE pk = (SELECT user_pk FROM taken) RETURNING pk`,
        {
          pk: c.pk,
          id: c.enrollmentId,
          now: c.now,
          sealed: c.sealedSecret,
          step: c.step,
          count: c.backupCodeHashes.length,
        },
      );
      if (rows.length === 0) {
        const [user] = await run<{ factor_id: string | null; locked: boolean }>(
          `SELECT factor_id, NOT ${UNLOCKED} AS locked FROM mfa_users WHERE pk = $pk`,
          { pk: c.pk, now: c.now },
        );
        if (user?.factor_id != null) return 'enrolled';
        return user?.locked ? 'locked' : 'gone';
      }
      await replaceCodes(c.pk, c.backupCodeHashes);
      return 'ok';
    },

    acceptTotp: (a, audit) => acceptTotp(db, a, audit),
    async spendBackupCode(s) {
      // The EXISTS locks the user's row before the code's (see above), and is re-checked
      // against the committed row when it had to wait.
      const [row] = await run<{ backup_codes_remaining: number }>(
        `WITH spent AS (
           UPDATE mfa_backup_codes SET used_at = $now
           WHERE user_pk = $pk AND hash = $hash AND used_at IS NULL AND EXISTS (
             SELECT 1 FROM mfa_users
             WHERE pk = $pk AND factor_id = $factor AND ${UNLOCKED} FOR UPDATE)
           RETURNING user_pk
         )
         UPDATE mfa_users SET backup_codes_remaining = backup_codes_remaining - 1, failures = 0,
           locked_until = NULL, last_verified_at = $now, updated_at = $now
         WHERE pk = (SELECT user_pk FROM spent) RETURNING backup_codes_remaining`,
        { pk: s.pk, factor: s.factorId, hash: s.hash, now: s.now },
      );
      return row && { backupCodesRemaining: row.backup_codes_remaining };
    },
    async countFailure(f) {
      const [row] = await run<{ failures: number; locked_until: number | null }>(
        `UPDATE mfa_users SET failures = failures + 1,
           locked_until = ${lockedUntilSql('$max::integer', '$now::bigint')}, updated_at = $now
         WHERE pk = $pk AND factor_id IS NOT DISTINCT FROM $factor AND ${UNLOCKED}
         RETURNING failures, locked_until`,
        { pk: f.pk, factor: f.factorId, max: f.maxFailures, now: f.now },
      );
      return row && { failures: row.failures, lockedUntil: row.locked_until };
    },
    async clearFactor(pk, now) {
      await run(
        `UPDATE mfa_users SET factor_id = NULL, sealed_secret = NULL, enrolled_at = NULL,
           last_step = -1, backup_codes_remaining = 0, failures = 0, locked_until = NULL,
           updated_at = $now
         WHERE pk = $pk`,
        { pk, now },
      );
      await run('DELETE FROM mfa_backup_codes WHERE user_pk = $pk', { pk });
      await run('DELETE FROM mfa_enrollments WHERE user_pk = $pk', { pk });
    },
    async unlock(pk, now) {
      const rows = await run(
        'UPDATE mfa_users SET failures = 0, locked_until = NULL, updated_at = $now WHERE pk = $pk RETURNING pk',
        { pk, now },
      );
      return rows.length > 0;
    },
    async replaceBackupCodes(pk, factorId, hashes) {
      const rows = await run(
        `UPDATE mfa_users SET backup_codes_remaining = $count
         WHERE pk = $pk AND factor_id = $factor RETURNING pk`,
        { pk, factor: factorId, count: hashes.length },
      );
      if (rows.length === 0) return false;
      await replaceCodes(pk, hashes);
      return true;
    },
  };

  async function replaceCodes(pk: number, hashes: Buffer[]): Promise<void> {
    await run('DELETE FROM mfa_backup_codes WHERE user_pk = $pk', { pk });
    if (hashes.length === 0) return;
    await run('INSERT INTO mfa_backup_codes (user_pk, hash) SELECT $pk, unnest($hashes::bytea[])', {
      pk,
      hashes,
    });
  }
}
