import type { AuditEvent, Policy } from '../../../shared/api';
import type { AuditDetail, ClientRecord, PendingEnrollment, UserRecord } from './mfa-store';

/**
 * The rows both adapters read, in one shape: each adapter's SELECT aliases its own column names
 * to these, so one mapper turns a row into the port's record.
 */
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

/**
 * A user's columns as `UserRow` names them, with its pending enrollment's expiry: select them
 * `FROM mfa_users u`. The factor's three columns are named per schema.
 */
export function userColumns(factor: { id: string; secret: string; lastStep: string }): string {
  return `u.pk, u.client_id, u.user_id, u.display_name, u.email, u.created_at,
  u.${factor.id} AS factor_id, u.${factor.secret} AS sealed_secret, u.${factor.lastStep} AS last_step,
  u.backup_codes_remaining, u.failures, u.locked_until, u.last_verified_at,
  (SELECT e.expires_at FROM mfa_enrollments e WHERE e.user_pk = u.pk) AS pending_expires_at`;
}

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

/** A pending enrollment: select `id, <secret column> AS sealed_secret, expires_at`. */
export interface PendingRow {
  id: string;
  sealed_secret: Buffer;
  expires_at: number;
}

export function pendingRecord(row: PendingRow): PendingEnrollment {
  return { id: row.id, sealedSecret: row.sealed_secret, expiresAt: row.expires_at };
}

/** An audit row, its detail already parsed (PostgreSQL's jsonb is; SQLite's text is not). */
export interface AuditRow {
  id: number;
  at: number;
  actor: string;
  client_id: string | null;
  user_id: string | null;
  event: string;
  outcome: 'success' | 'failure';
  detail: AuditDetail | null;
}

export function auditRecord(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    actor: row.actor,
    clientId: row.client_id,
    userId: row.user_id,
    event: row.event,
    outcome: row.outcome,
    detail: row.detail,
  };
}
