import type { Migration } from '../migration';

/**
 * The app lock's one row: the vault key wrapped by the keychain (no master password) or by
 * Argon2id of the master password (`kdf` holds its parameters), the count of wrong passwords in a
 * row with the time before which no password is tried, and the idle time before auto-lock.
 * The row itself, and the sealing of secrets written before it, happen at the first open: they
 * need the master key, which a migration does not have (see vault/lock/vault-lock.ts).
 */
export const vaultKey: Migration = {
  version: 10,
  name: 'vault-key',
  up(db) {
    db.exec(`
      CREATE TABLE vault_lock (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        protection TEXT NOT NULL CHECK (protection IN ('keychain', 'password')),
        wrapped_key TEXT NOT NULL,
        kdf TEXT CHECK ((protection = 'password') = (kdf IS NOT NULL)),
        failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        retry_after INTEGER NOT NULL DEFAULT 0,
        auto_lock_seconds INTEGER NOT NULL DEFAULT 0 CHECK (auto_lock_seconds >= 0),
        updated_at TEXT NOT NULL
      );
    `);
  },
};
