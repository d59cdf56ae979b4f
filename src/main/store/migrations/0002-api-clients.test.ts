import { describe, expect, it } from 'vitest';
import { columns, migratedTo } from '../../mfa/testing/migrated-db';

describe('0002 api-clients', () => {
  it('creates api_clients with policy defaults and a scope check', () => {
    const db = migratedTo(2);
    expect(columns(db, 'api_clients')).toContain('key_hash');
    db.prepare(
      `INSERT INTO api_clients (id, name, scope, key_hash, created_at) VALUES ('c1', 'app', 'client', x'00', 1)`,
    ).run();
    expect(
      db
        .prepare(
          'SELECT policy_mode, policy_window, policy_max_failures, policy_backup_code_count FROM api_clients',
        )
        .get(),
    ).toEqual({
      policy_mode: 'OPTIONAL',
      policy_window: 1,
      policy_max_failures: 5,
      policy_backup_code_count: 10,
    });
    expect(() =>
      db
        .prepare(
          `INSERT INTO api_clients (id, name, scope, key_hash, created_at) VALUES ('c2', 'x', 'root', x'00', 1)`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });
});
