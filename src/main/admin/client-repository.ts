import type { Policy } from '../../shared/api';
import type { Db } from '../store/database';

export interface ClientRow {
  id: string;
  name: string;
  scope: 'client' | 'admin';
  key_hash: Buffer;
  created_at: number;
  revoked_at: number | null;
  policy_mode: Policy['mode'];
  policy_window: number;
  policy_max_failures: number;
  policy_backup_code_count: number;
}

export function policyOf(row: ClientRow): Policy {
  return {
    mode: row.policy_mode,
    window: row.policy_window,
    maxFailures: row.policy_max_failures,
    backupCodeCount: row.policy_backup_code_count,
  };
}

export function createClientRepository(db: Db) {
  const s = {
    get: db.prepare('SELECT * FROM api_clients WHERE id = ?'),
    list: db.prepare('SELECT * FROM api_clients ORDER BY created_at, id'),
    insert: db.prepare(
      'INSERT INTO api_clients (id, name, scope, key_hash, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    revoke: db.prepare('UPDATE api_clients SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    setPolicy: db.prepare(`UPDATE api_clients SET policy_mode = :mode, policy_window = :window,
      policy_max_failures = :maxFailures, policy_backup_code_count = :backupCodeCount WHERE id = :id`),
  };
  return {
    get: (id: string) => s.get.get(id) as ClientRow | undefined,
    list: () => s.list.all() as ClientRow[],
    insert: (id: string, name: string, scope: ClientRow['scope'], keyHash: Buffer, now: number) =>
      s.insert.run(id, name, scope, keyHash, now),
    revoke: (id: string, now: number) => s.revoke.run(now, id).changes > 0,
    setPolicy: (id: string, policy: Policy) => s.setPolicy.run({ id, ...policy }).changes > 0,
  };
}

export type ClientRepository = ReturnType<typeof createClientRepository>;
