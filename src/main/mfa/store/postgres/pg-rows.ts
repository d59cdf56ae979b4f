import type { Policy } from '../../../../shared/api';
import type { ClientRecord, UserRecord } from '../mfa-store';

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

export function clientRecord(row: ClientRow): ClientRecord {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    keyHash: row.key_hash,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    policy: {
      mode: row.policy_mode,
      window: row.policy_window,
      maxFailures: row.policy_max_failures,
      backupCodeCount: row.policy_backup_code_count,
    },
  };
}

/** A user's columns, with its pending enrollment's expiry: select them `FROM mfa_users u`. */
export const USER_COLUMNS = `u.pk, u.client_id, u.user_id, u.display_name, u.email, u.created_at,
  u.factor_id, u.sealed_secret, u.last_step, u.backup_codes_remaining, u.failures,
  u.locked_until, u.last_verified_at,
  (SELECT e.expires_at FROM mfa_enrollments e WHERE e.user_pk = u.pk) AS pending_expires_at`;

export interface UserRow {
  pk: number;
  client_id: string;
  user_id: string;
  display_name: string | null;
  email: string | null;
  created_at: number;
  factor_id: string | null;
  sealed_secret: Buffer | null;
  last_step: number;
  backup_codes_remaining: number;
  failures: number;
  locked_until: number | null;
  last_verified_at: number | null;
  pending_expires_at: number | null;
}

export function userRecord(row: UserRow): UserRecord {
  return {
    pk: row.pk,
    clientId: row.client_id,
    userId: row.user_id,
    displayName: row.display_name,
    email: row.email,
    createdAt: row.created_at,
    factorId: row.factor_id,
    sealedSecret: row.sealed_secret,
    lastStep: row.last_step,
    backupCodesRemaining: row.backup_codes_remaining,
    failures: row.failures,
    lockedUntil: row.locked_until,
    lastVerifiedAt: row.last_verified_at,
    pendingExpiresAt: row.pending_expires_at,
  };
}
