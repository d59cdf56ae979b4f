import type { PgMigration } from './pg-migration';

/** The MFA server's tables. Times are epoch ms (BIGINT); hashes and sealed secrets are bytea. */
export const mfaSchema: PgMigration = {
  version: 1,
  name: 'mfa-schema',
  sql: `
    CREATE TABLE api_clients (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      scope TEXT NOT NULL CHECK (scope IN ('client', 'admin')),
      key_hash BYTEA NOT NULL,
      created_at BIGINT NOT NULL,
      revoked_at BIGINT,
      policy_mode TEXT NOT NULL DEFAULT 'OPTIONAL' CHECK (policy_mode IN ('OFF', 'OPTIONAL', 'REQUIRED')),
      policy_window INTEGER NOT NULL DEFAULT 1,
      policy_max_failures INTEGER NOT NULL DEFAULT 5,
      policy_backup_code_count INTEGER NOT NULL DEFAULT 10
    );
    CREATE TABLE mfa_users (
      pk BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      client_id TEXT NOT NULL REFERENCES api_clients (id) ON DELETE CASCADE,
      user_id TEXT NOT NULL,
      display_name TEXT,
      email TEXT,
      created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL,
      factor_id TEXT,
      sealed_secret BYTEA,
      enrolled_at BIGINT,
      last_step BIGINT NOT NULL DEFAULT -1,
      backup_codes_remaining INTEGER NOT NULL DEFAULT 0,
      failures INTEGER NOT NULL DEFAULT 0,
      locked_until BIGINT,
      last_verified_at BIGINT,
      UNIQUE (client_id, user_id)
    );
    CREATE TABLE mfa_enrollments (
      id TEXT PRIMARY KEY,
      user_pk BIGINT NOT NULL UNIQUE REFERENCES mfa_users (pk) ON DELETE CASCADE,
      sealed_secret BYTEA NOT NULL,
      created_at BIGINT NOT NULL,
      expires_at BIGINT NOT NULL
    );
    CREATE TABLE mfa_backup_codes (
      user_pk BIGINT NOT NULL REFERENCES mfa_users (pk) ON DELETE CASCADE,
      hash BYTEA NOT NULL,
      used_at BIGINT,
      PRIMARY KEY (user_pk, hash)
    );
    CREATE TABLE audit_events (
      id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at BIGINT NOT NULL,
      actor TEXT NOT NULL,
      client_id TEXT,
      user_id TEXT,
      event TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure')),
      detail JSONB
    );
    CREATE INDEX audit_events_client ON audit_events (client_id, id);
    CREATE INDEX audit_events_user ON audit_events (user_id, id);
    CREATE INDEX audit_events_event ON audit_events (event, id);
    -- A fingerprint of the master key the instances share: one started with another key is
    -- refused instead of failing every API key and sealed secret.
    CREATE TABLE tessera_key_check (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      fingerprint TEXT NOT NULL
    );
  `,
};
