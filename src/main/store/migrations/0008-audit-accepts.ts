import type { Migration } from '../migration';

/**
 * A verify's accept is recorded on its `verify.success` audit row instead of a row of its own in
 * `mfa_totp_accepts`: the row was written anyway, so a verify writes one row instead of two, and
 * the fold no longer deletes what it folded (a second page of writes per batch). The columns are
 * set on accepts only, and on the accepts of users in good standing only (the others' guard goes
 * to their row, as before). Rows are never deleted from the audit, so its ids never go back.
 *
 * What the old log had not folded yet is folded here, and the table is dropped: a process of the
 * previous version still running on this file then fails on its next TOTP verify (it reads the
 * log before deciding) instead of accepting a code that only the audit records as spent.
 *
 * `mfa_accepts_folded` holds the audit id up to which every accept is folded into the rows: a
 * process starting reads the accepts after it, no more.
 */
export const auditAccepts: Migration = {
  version: 8,
  name: 'audit-accepts',
  up(db) {
    db.exec(`
      ALTER TABLE audit_events ADD COLUMN accept_pk INTEGER;
      ALTER TABLE audit_events ADD COLUMN accept_factor TEXT;
      ALTER TABLE audit_events ADD COLUMN accept_step INTEGER;
      UPDATE mfa_users SET
        totp_folded_step = max(totp_folded_step, log.step),
        last_verified_at = max(coalesce(last_verified_at, 0), log.at)
      FROM (
        SELECT user_pk, factor_id, max(step) AS step, max(at) AS at
        FROM mfa_totp_accepts GROUP BY user_pk, factor_id
      ) AS log
      WHERE mfa_users.pk = log.user_pk AND mfa_users.totp_factor_id = log.factor_id;
      DROP TABLE mfa_totp_accepts;
      CREATE TABLE mfa_accepts_folded (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        through_audit_id INTEGER NOT NULL
      );
      INSERT INTO mfa_accepts_folded VALUES (1, (SELECT coalesce(max(id), 0) FROM audit_events));
    `);
  },
};
