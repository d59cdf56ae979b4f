import type { Migration } from '../migration';

/**
 * API clients of the loopback verification API. The key itself is never stored: only an
 * HMAC-SHA-256 of its secret part under a key derived from the master key. Each client carries
 * its MFA policy, since users are namespaced per client.
 */
export const apiClients: Migration = {
  version: 2,
  name: 'api-clients',
  up(db) {
    db.exec(`
      CREATE TABLE api_clients (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        scope TEXT NOT NULL CHECK (scope IN ('client', 'admin')),
        key_hash BLOB NOT NULL,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER,
        policy_mode TEXT NOT NULL DEFAULT 'OPTIONAL' CHECK (policy_mode IN ('OFF', 'OPTIONAL', 'REQUIRED')),
        policy_window INTEGER NOT NULL DEFAULT 1,
        policy_max_failures INTEGER NOT NULL DEFAULT 5,
        policy_backup_code_count INTEGER NOT NULL DEFAULT 10
      );
    `);
  },
};
