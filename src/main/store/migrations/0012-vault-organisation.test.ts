import { describe, expect, it } from 'vitest';
import { migratedTo } from '../../mfa/testing/migrated-db';
import { vaultOrganisation } from './0012-vault-organisation';

describe('migration 0012 vault-organisation', () => {
  it('adds one organisation row per account, checked, and dropped with its account', () => {
    const db = migratedTo(vaultOrganisation.version - 1);
    db.exec(`INSERT INTO vault_accounts (id, issuer, name, type, algorithm, digits, period, counter, secret, position, created_at, updated_at)
      VALUES ('a', 'I', 'N', 'totp', 'SHA1', 6, 30, 0, 'JBSWY3DPEHPK3PXP', 0, 'now', 'now')`);
    vaultOrganisation.up(db);
    const insert = db.prepare(
      'INSERT INTO vault_account_organisation (account_id, favourite, tags) VALUES (?, ?, ?)',
    );
    expect(() => insert.run('missing', 0, '[]')).toThrow(/FOREIGN KEY/);
    expect(() => insert.run('a', 2, '[]')).toThrow(/CHECK/);
    expect(() => insert.run('a', 1, '{"not":"a list"}')).toThrow(/CHECK/);
    insert.run('a', 1, '["Work"]');
    db.exec("DELETE FROM vault_accounts WHERE id = 'a'");
    expect(db.prepare('SELECT count(*) FROM vault_account_organisation').pluck().get()).toBe(0);
  });
});
