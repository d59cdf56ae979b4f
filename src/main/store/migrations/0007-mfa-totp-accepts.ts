import type { Migration } from '../migration';

/**
 * Accepted TOTP codes, appended in order. A verify of a user in good standing (no failures, no
 * lock) records its replay guard here instead of updating the user's row: a batch of verifies
 * then writes the log's last page or two instead of one page of `mfa_users` per user, each
 * encrypted into the WAL and later into the database (the cost of a verify, measured). The
 * checkpointer's thread folds the log into `mfa_users` (`totp_last_step`, `last_verified_at`) and
 * deletes what it folded, keeping the newest row so that `seq` never goes back.
 *
 * No index on `user_pk` and no foreign key: either would put a random page back into every
 * verify. A row whose user or factor is gone matches nothing when folded (it names the factor).
 */
export const mfaTotpAccepts: Migration = {
  version: 7,
  name: 'mfa-totp-accepts',
  up(db) {
    db.exec(`
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
