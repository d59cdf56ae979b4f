import { describe, expect, it } from 'vitest';
import { migratedTo } from '../../mfa/testing/migrated-db';

describe('0004 mfa-backup-codes', () => {
  it('keys codes by user and hash', () => {
    const db = migratedTo(4);
    db.exec(
      `INSERT INTO api_clients (id, name, scope, key_hash, created_at) VALUES ('a', 'a', 'client', x'00', 1)`,
    );
    db.exec(
      `INSERT INTO mfa_users (pk, client_id, user_id, created_at, updated_at) VALUES (1, 'a', 'u', 1, 1)`,
    );
    const add = db.prepare(`INSERT INTO mfa_backup_codes (user_pk, hash) VALUES (1, ?)`);
    add.run(Buffer.from('h1'));
    expect(() => add.run(Buffer.from('h1'))).toThrow(/UNIQUE|PRIMARY/);
    const used = db.prepare(
      'UPDATE mfa_backup_codes SET used_at = 5 WHERE user_pk = 1 AND hash = ? AND used_at IS NULL RETURNING 1',
    );
    expect(used.get(Buffer.from('h1'))).toBeDefined();
    expect(used.get(Buffer.from('h1'))).toBeUndefined();
  });
});
