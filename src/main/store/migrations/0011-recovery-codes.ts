import type { Migration } from '../migration';

/**
 * Recovery codes per account, each sealed with the vault key (`sealed`) and findable through a
 * keyed hash of its normalised form (`lookup`), so a search never opens every row.
 */
export const recoveryCodes: Migration = {
  version: 11,
  name: 'recovery-codes',
  up(db) {
    db.exec(`
      CREATE TABLE vault_recovery_codes (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES vault_accounts (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        sealed TEXT NOT NULL,
        lookup TEXT NOT NULL,
        used_at TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX vault_recovery_codes_account ON vault_recovery_codes (account_id, position);
      CREATE INDEX vault_recovery_codes_lookup ON vault_recovery_codes (lookup);
    `);
  },
};
