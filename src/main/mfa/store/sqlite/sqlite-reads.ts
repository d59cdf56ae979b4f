import type { AuditEvent, Policy } from '../../../../shared/api';
import type { Db } from '../../../store/database';
import type {
  AuditDetail,
  AuditFilter,
  ClientRecord,
  MfaReads,
  PendingEnrollment,
  UserListRow,
  UserRecord,
} from '../mfa-store';

interface ClientRow {
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

interface UserRow {
  pk: number;
  client_id: string;
  user_id: string;
  display_name: string | null;
  email: string | null;
  created_at: number;
  totp_factor_id: string | null;
  totp_secret: Buffer | null;
  totp_last_step: number;
  backup_codes_remaining: number;
  failures: number;
  locked_until: number | null;
  last_verified_at: number | null;
  pending_expires_at: number | null;
}

interface AuditRow {
  id: number;
  at: number;
  actor: string;
  client_id: string | null;
  user_id: string | null;
  event: string;
  outcome: 'success' | 'failure';
  detail: string | null;
}

const clientOf = (row: ClientRow): ClientRecord => ({
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
});

const userOf = (row: UserRow): UserRecord => ({
  pk: row.pk,
  clientId: row.client_id,
  userId: row.user_id,
  displayName: row.display_name,
  email: row.email,
  createdAt: row.created_at,
  factorId: row.totp_factor_id,
  sealedSecret: row.totp_secret,
  lastStep: row.totp_last_step,
  backupCodesRemaining: row.backup_codes_remaining,
  failures: row.failures,
  lockedUntil: row.locked_until,
  lastVerifiedAt: row.last_verified_at,
  pendingExpiresAt: row.pending_expires_at,
});

const auditOf = (row: AuditRow): AuditEvent => ({
  id: row.id,
  at: new Date(row.at).toISOString(),
  actor: row.actor,
  clientId: row.client_id,
  userId: row.user_id,
  event: row.event,
  outcome: row.outcome,
  detail: row.detail === null ? null : (JSON.parse(row.detail) as AuditDetail),
});

const USER = `SELECT u.*, (SELECT expires_at FROM mfa_enrollments e WHERE e.user_pk = u.pk) AS pending_expires_at FROM mfa_users u`;

/** The event of nearly every audit row; the partial index (migration 0006) leaves it out. */
const COMMON_EVENT = 'verify.success';

/** The reads of the port: one prepared statement each, on the store's one connection. */
export function createSqliteReads(db: Db): MfaReads {
  const s = {
    client: db.prepare('SELECT * FROM api_clients WHERE id = ?'),
    clients: db.prepare('SELECT * FROM api_clients ORDER BY created_at, id'),
    user: db.prepare(`${USER} WHERE client_id = ? AND user_id = ?`),
    userByPk: db.prepare(`${USER} WHERE pk = ?`),
    pending: db.prepare(
      'SELECT id, secret, expires_at FROM mfa_enrollments WHERE id = ? AND user_pk = ?',
    ),
    users: db.prepare(`
      SELECT * FROM (
        SELECT u.*, c.policy_mode,
          (SELECT expires_at FROM mfa_enrollments e WHERE e.user_pk = u.pk) AS pending_expires_at
        FROM mfa_users u JOIN api_clients c ON c.id = u.client_id
        WHERE (:clientId IS NULL OR u.client_id = :clientId) AND (:after IS NULL OR u.pk > :after)
          AND (:q IS NULL OR instr(lower(u.user_id || ' ' || coalesce(u.display_name, '') || ' ' || coalesce(u.email, '')), lower(:q)) > 0)
      ) WHERE :status IS NULL OR :status = CASE
        WHEN totp_factor_id IS NOT NULL THEN 'enrolled'
        WHEN pending_expires_at > :now THEN 'pending' ELSE 'none' END
      ORDER BY pk LIMIT :limit`),
  };
  // One statement per combination of filters, so each names only the columns it filters on and
  // the planner can use the partial index of the rare events.
  const audits = new Map<string, ReturnType<Db['prepare']>>();
  const auditSelect = (filter: AuditFilter) => {
    const where: string[] = [];
    if (filter.clientId !== undefined) where.push('client_id = :clientId');
    if (filter.userId !== undefined) where.push('user_id = :userId');
    if (filter.event !== undefined) {
      where.push('event = :event');
      if (filter.event !== COMMON_EVENT) where.push(`event <> '${COMMON_EVENT}'`);
    }
    if (filter.sinceMs !== undefined) where.push('at >= :sinceMs');
    if (filter.beforeId !== undefined) where.push('id < :beforeId');
    const key = where.join(' AND ');
    let statement = audits.get(key);
    if (!statement) {
      statement = db.prepare(
        `SELECT id, at, actor, client_id, user_id, event, outcome, detail FROM audit_events ${key ? `WHERE ${key}` : ''} ORDER BY id DESC LIMIT :limit`,
      );
      audits.set(key, statement);
    }
    return statement;
  };
  const maybe = <R, T>(row: unknown, map: (row: R) => T) =>
    Promise.resolve(row === undefined ? undefined : map(row as R));
  return {
    client: (id) => maybe(s.client.get(id), clientOf),
    clients: () => Promise.resolve((s.clients.all() as ClientRow[]).map(clientOf)),
    user: (clientId, userId) => maybe(s.user.get(clientId, userId), userOf),
    userByPk: (pk) => maybe(s.userByPk.get(pk), userOf),
    users(query, now) {
      const rows = s.users.all({
        clientId: query.clientId ?? null,
        q: query.q ?? null,
        status: query.status ?? null,
        after: query.afterPk ?? null,
        now,
        limit: query.limit,
      }) as (UserRow & { policy_mode: Policy['mode'] })[];
      return Promise.resolve(
        rows.map((row): UserListRow => ({ ...userOf(row), policyMode: row.policy_mode })),
      );
    },
    pendingEnrollment: (id, userPk) =>
      maybe(
        s.pending.get(id, userPk),
        (row: { id: string; secret: Buffer; expires_at: number }): PendingEnrollment => ({
          id: row.id,
          sealedSecret: row.secret,
          expiresAt: row.expires_at,
        }),
      ),
    audit(filter) {
      // Only the parameters the statement names (better-sqlite3 refuses undefined ones).
      const params = Object.fromEntries(
        Object.entries(filter).filter(([, value]) => value !== undefined),
      );
      return Promise.resolve((auditSelect(filter).all(params) as AuditRow[]).map(auditOf));
    },
  };
}
