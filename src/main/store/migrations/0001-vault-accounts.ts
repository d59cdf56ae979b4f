import type { Migration } from '../migration';

export const vaultAccounts: Migration = {
  version: 1,
  name: 'vault-accounts',
  up(db) {
    db.exec(`
      CREATE TABLE vault_accounts (
        id TEXT PRIMARY KEY,
        issuer TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('totp', 'hotp', 'steam')),
        algorithm TEXT NOT NULL CHECK (algorithm IN ('SHA1', 'SHA256', 'SHA512')),
        digits INTEGER NOT NULL,
        period INTEGER NOT NULL,
        counter INTEGER NOT NULL DEFAULT 0,
        secret TEXT NOT NULL,
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX vault_accounts_position ON vault_accounts (position);
    `);
  },
};
