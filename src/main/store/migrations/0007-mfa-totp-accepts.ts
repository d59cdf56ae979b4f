import type { Migration } from '../migration';

/**
 * Accepted TOTP codes, appended in order. A verify of a user in good standing (no failures, no
 * lock) records its replay guard here instead of updating the user's row: a batch of verifies
 * then writes the log's last page or two instead of one page of `mfa_users` per user, each
 * encrypted into the WAL and later into the database (the cost of a verify, measured). The
 * server folds the log into `mfa_users` and deletes what it folded (accept-fold.ts), keeping the
 * newest row so that `seq` never goes back.
 *
 * The row's guard is renamed `totp_folded_step`, as it is now only part of the guard: a process
 * of an older version still running on this file (its check of the schema version ran when it
 * opened) then fails on its next MFA write instead of accepting a code only the log has spent.
 *
 * No index on `user_pk` and no foreign key: either would put a random page back into every
 * verify. A row whose user or factor is gone matches nothing when folded (it names the factor).
 */
export const mfaTotpAccepts: Migration = {
  version: 7,
  name: 'mfa-totp-accepts',
  up(db) {
    db.exec(`
      ALTER TABLE mfa_users RENAME COLUMN totp_last_step TO totp_folded_step;
      CREATE TABLE mfa_totp_accepts (
        seq INTEGER PRIMARY KEY,
        user_pk INTEGER NOT NULL,
        factor_id TEXT NOT NULL,
        step INTEGER NOT NULL,
        at INTEGER NOT NULL
      );
    `);
  },
};
