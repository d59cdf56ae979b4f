import type { Migration } from '../migration';

/** Backup codes, stored only as keyed hashes: one indexed lookup per attempt. */
export const mfaBackupCodes: Migration = {
  version: 4,
  name: 'mfa-backup-codes',
  up(db) {
    db.exec(`
      CREATE TABLE mfa_backup_codes (
        user_pk INTEGER NOT NULL REFERENCES mfa_users (pk) ON DELETE CASCADE,
        hash BLOB NOT NULL,
        used_at INTEGER,
        PRIMARY KEY (user_pk, hash)
      ) WITHOUT ROWID;
    `);
  },
};
