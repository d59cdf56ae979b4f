import type { Migration } from '../migration';

/**
 * Service users and their TOTP factor. The enrolled factor, its replay guard (`totp_last_step`)
 * and the lockout state live on one row so that accepting a code is a single conditional UPDATE.
 * Secrets are sealed (AES-256-GCM, key derived from the master key) on top of page encryption.
 */
export const mfaUsers: Migration = {
  version: 3,
  name: 'mfa-users',
  up(db) {
    db.exec(`
      CREATE TABLE mfa_users (
        pk INTEGER PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES api_clients (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL,
        display_name TEXT,
        email TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        totp_factor_id TEXT,
        totp_secret BLOB,
        totp_enrolled_at INTEGER,
        totp_last_step INTEGER NOT NULL DEFAULT -1,
        backup_codes_remaining INTEGER NOT NULL DEFAULT 0,
        failures INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER,
        last_verified_at INTEGER,
        UNIQUE (client_id, user_id)
      );
      CREATE TABLE mfa_enrollments (
        id TEXT PRIMARY KEY,
        user_pk INTEGER NOT NULL UNIQUE REFERENCES mfa_users (pk) ON DELETE CASCADE,
        secret BLOB NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
    `);
  },
};
