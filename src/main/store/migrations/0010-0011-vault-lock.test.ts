import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from './index';
import { recoveryCodes } from './0011-recovery-codes';
import { vaultKey } from './0010-vault-key';

function migratedBefore(version: number) {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const migration of migrations.slice(0, version - 1)) migration.up(db);
  return db;
}

describe('0010 vault-key and 0011 recovery-codes', () => {
  it('keep one lock row whose Argon2id parameters exist exactly when a password wraps the key', () => {
    const db = migratedBefore(vaultKey.version);
    vaultKey.up(db);
    const insert = db.prepare(
      `INSERT INTO vault_lock (id, protection, wrapped_key, kdf, updated_at) VALUES (?, ?, 'w', ?, 'now')`,
    );
    expect(() => insert.run(1, 'password', null)).toThrow(/CHECK/);
    expect(() => insert.run(1, 'keychain', '{}')).toThrow(/CHECK/);
    insert.run(1, 'keychain', null);
    expect(() => insert.run(2, 'keychain', null)).toThrow(/CHECK/);
  });

  it("delete an account's recovery codes with the account", () => {
    const db = migratedBefore(recoveryCodes.version);
    recoveryCodes.up(db);
    db.exec(`INSERT INTO vault_accounts (id, issuer, name, type, algorithm, digits, period, secret, position, created_at, updated_at)
      VALUES ('a', 'I', 'n', 'totp', 'SHA1', 6, 30, 'v1.x', 0, 'now', 'now');
      INSERT INTO vault_recovery_codes (id, account_id, position, sealed, lookup, created_at) VALUES ('c', 'a', 0, 'v1.y', 'h', 'now');`);
    db.exec("DELETE FROM vault_accounts WHERE id = 'a'");
    expect(db.prepare('SELECT count(*) FROM vault_recovery_codes').pluck().get()).toBe(0);
  });
});
