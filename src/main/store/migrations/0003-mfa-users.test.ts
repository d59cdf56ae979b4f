import { describe, expect, it } from 'vitest';
import { columns, migratedTo } from '../../mfa/testing/migrated-db';

describe('0003 mfa-users', () => {
  it('namespaces users per client and cascades enrollments', () => {
    const db = migratedTo(3);
    expect(columns(db, 'mfa_users')).toEqual(
      expect.arrayContaining(['totp_last_step', 'failures', 'locked_until']),
    );
    db.exec(
      `INSERT INTO api_clients (id, name, scope, key_hash, created_at) VALUES ('a', 'a', 'client', x'00', 1), ('b', 'b', 'client', x'00', 1)`,
    );
    const add = db.prepare(
      'INSERT INTO mfa_users (client_id, user_id, created_at, updated_at) VALUES (?, ?, 1, 1) RETURNING pk',
    );
    const { pk } = add.get('a', 'alice') as { pk: number };
    add.run('b', 'alice');
    expect(() => add.run('a', 'alice')).toThrow(/UNIQUE/);
    db.prepare(
      `INSERT INTO mfa_enrollments (id, user_pk, secret, created_at, expires_at) VALUES ('e', ?, x'00', 1, 2)`,
    ).run(pk);
    db.prepare('DELETE FROM mfa_users WHERE pk = ?').run(pk);
    expect(db.prepare('SELECT count(*) AS n FROM mfa_enrollments').get()).toEqual({ n: 0 });
  });
});
