import type { AuditEvent, Policy } from '../../../../shared/api';
import type { Db } from '../../../store/database';
import type { AuditDetail, AuditFilter, MfaReads, UserListRow } from '../mfa-store';
import * as stored from '../store-rows';

/** SQLite's audit detail is JSON text, parsed here into the shared row's shape. */
const auditOf = (row: Omit<stored.AuditRow, 'detail'> & { detail: string | null }): AuditEvent =>
  stored.auditRecord({
    ...row,
    detail: row.detail === null ? null : (JSON.parse(row.detail) as AuditDetail),
  });

const USER_COLUMNS = stored.userColumns({
  id: 'totp_factor_id',
  secret: 'totp_secret',
  lastStep: 'totp_last_step',
});
const USER = `SELECT ${USER_COLUMNS} FROM mfa_users u`;

/** The event of nearly every audit row; the partial index (migration 0006) leaves it out. */
const COMMON_EVENT = 'verify.success';

/** The reads of the port: one prepared statement each, on the store's one connection. */
export function createSqliteReads(db: Db): MfaReads {
  const s = {
    client: db.prepare('SELECT * FROM api_clients WHERE id = ?'),
    clients: db.prepare('SELECT * FROM api_clients ORDER BY created_at, id'),
    user: db.prepare(`${USER} WHERE u.client_id = ? AND u.user_id = ?`),
    userByPk: db.prepare(`${USER} WHERE u.pk = ?`),
    pending: db.prepare(
      'SELECT id, secret AS sealed_secret, expires_at FROM mfa_enrollments WHERE id = ? AND user_pk = ?',
    ),
    users: db.prepare(`
      SELECT * FROM (
        SELECT ${USER_COLUMNS}, c.policy_mode
        FROM mfa_users u JOIN api_clients c ON c.id = u.client_id
        WHERE (:clientId IS NULL OR u.client_id = :clientId) AND (:after IS NULL OR u.pk > :after)
          AND (:q IS NULL OR instr(lower(u.user_id || ' ' || coalesce(u.display_name, '') || ' ' || coalesce(u.email, '')), lower(:q)) > 0)
      ) WHERE :status IS NULL OR :status = CASE
        WHEN factor_id IS NOT NULL THEN 'enrolled'
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
    client: (id) => maybe(s.client.get(id), stored.clientRecord),
    clients: () =>
      Promise.resolve((s.clients.all() as stored.ClientRow[]).map(stored.clientRecord)),
    user: (clientId, userId) => maybe(s.user.get(clientId, userId), stored.userRecord),
    userByPk: (pk) => maybe(s.userByPk.get(pk), stored.userRecord),
    users(query, now) {
      const rows = s.users.all({
        clientId: query.clientId ?? null,
        q: query.q ?? null,
        status: query.status ?? null,
        after: query.afterPk ?? null,
        now,
        limit: query.limit,
      }) as (stored.UserRow & { policy_mode: Policy['mode'] })[];
      return Promise.resolve(
        rows.map((row): UserListRow => ({
          ...stored.userRecord(row),
          policyMode: row.policy_mode,
        })),
      );
    },
    pendingEnrollment: (id, userPk) => maybe(s.pending.get(id, userPk), stored.pendingRecord),
    audit(filter) {
      // Only the parameters the statement names (better-sqlite3 refuses undefined ones).
      const params = Object.fromEntries(
        Object.entries(filter).filter(([, value]) => value !== undefined),
      );
      return Promise.resolve(
        (auditSelect(filter).all(params) as Parameters<typeof auditOf>[0][]).map(auditOf),
      );
    },
  };
}
