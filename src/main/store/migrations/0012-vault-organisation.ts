import type { Migration } from '../migration';

/**
 * Tags, favourites, notes, last use and custom icons live beside the accounts, one row per
 * organised account (absent = nothing set), so the account rows and their statements stay as
 * they are. Tags are a JSON array: they are always read and written with their account.
 */
export const vaultOrganisation: Migration = {
  version: 12,
  name: 'vault-organisation',
  up(db) {
    db.exec(`
      CREATE TABLE vault_account_organisation (
        account_id TEXT PRIMARY KEY REFERENCES vault_accounts (id) ON DELETE CASCADE,
        favourite INTEGER NOT NULL DEFAULT 0 CHECK (favourite IN (0, 1)),
        tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
        note TEXT NOT NULL DEFAULT '',
        last_used_at TEXT,
        custom_icon TEXT
      );
      CREATE TABLE vault_view_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `);
  },
};
