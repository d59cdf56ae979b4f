import type { Migration } from '../migration';

/**
 * Back to one replay guard per factor, on its row: every accept is now the one conditional UPDATE
 * of `mfa_users` (src/main/mfa/store). Accepts recorded only on audit rows (migration 0008) are
 * folded into the rows first: all of them, not only those past `mfa_accepts_folded` (folding is
 * `max`, so folding twice changes nothing, and a factor id is never reused). Then the bookkeeping
 * of the accept log goes: the guard is renamed `totp_last_step`, `mfa_accepts_folded` and the
 * audit's `accept_*` columns are dropped, so a process of the previous version still running on
 * this file fails on its next verify (it reads and writes those) instead of deciding without them.
 */
export const mfaLastStep: Migration = {
  version: 9,
  name: 'mfa-last-step',
  up(db) {
    db.exec(`
      UPDATE mfa_users SET
        totp_folded_step = max(totp_folded_step, log.step),
        last_verified_at = max(coalesce(last_verified_at, 0), log.at)
      FROM (
        SELECT accept_pk, accept_factor, max(accept_step) AS step, max(at) AS at
        FROM audit_events WHERE accept_pk IS NOT NULL GROUP BY accept_pk, accept_factor
      ) AS log
      WHERE mfa_users.pk = log.accept_pk AND mfa_users.totp_factor_id = log.accept_factor;
      ALTER TABLE mfa_users RENAME COLUMN totp_folded_step TO totp_last_step;
      DROP TABLE mfa_accepts_folded;
      ALTER TABLE audit_events DROP COLUMN accept_pk;
      ALTER TABLE audit_events DROP COLUMN accept_factor;
      ALTER TABLE audit_events DROP COLUMN accept_step;
    `);
  },
};
