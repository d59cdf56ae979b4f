import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { vaultAccounts } from './0001-vault-accounts';

describe('migration 0001 vault-accounts', () => {
  it('creates the accounts table with its constraints', () => {
    const db = new Database(':memory:');
    vaultAccounts.up(db);
    const insert = db.prepare(
      `INSERT INTO vault_accounts (id, issuer, name, type, algorithm, digits, period, counter, secret, position, created_at, updated_at)
       VALUES (?, 'I', 'N', ?, ?, 6, 30, 0, 'JBSWY3DPEHPK3PXP', 0, 'now', 'now')`,
    );
    insert.run('a', 'totp', 'SHA1');
    expect(() => insert.run('b', 'motp', 'SHA1')).toThrow(/CHECK/);
    expect(() => insert.run('c', 'totp', 'MD5')).toThrow(/CHECK/);
    expect(() => insert.run('a', 'hotp', 'SHA1')).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT count(*) AS n FROM vault_accounts').get()).toEqual({ n: 1 });
  });
});
