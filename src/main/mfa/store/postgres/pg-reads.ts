import { createHash } from 'node:crypto';
import type { QueryConfig, QueryResultRow } from 'pg';
import type { AuditFilter, MfaReads, UserListRow } from '../mfa-store';
import {
  auditRecord,
  clientRecord,
  pendingRecord,
  userColumns,
  userRecord,
  type AuditRow,
  type ClientRow,
  type PendingRow,
  type UserRow,
} from '../store-rows';

/** A pool (each query on any connection) or one transaction's connection. */
export interface Queryable {
  query<R extends QueryResultRow>(query: QueryConfig): Promise<{ rows: R[] }>;
}

const names = new Map<string, string>();
/**
 * A named (prepared) statement: each connection parses and plans it once, not at every call. The
 * name is a digest of the text, so one text always has one name.
 */
export function prepared(text: string, values: unknown[] = []): QueryConfig {
  let name = names.get(text);
  if (name === undefined) {
    name = `tessera_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return { name, text, values };
}

const USER_COLUMNS = userColumns({
  id: 'factor_id',
  secret: 'sealed_secret',
  lastStep: 'last_step',
});

/**
 * The reads. Inside a transaction (`lockUsers`) a user read takes the row's write lock, as the
 * SQLite adapter's whole transaction holds the file's: the row then stays as read until commit,
 * so a refusal explained from it, and its audit row, come in the order the decisions were made.
 */
export function pgReads(db: Queryable, lockUsers = false): MfaReads {
  const one = async <R extends QueryResultRow>(text: string, values: unknown[]) =>
    (await db.query<R>(prepared(text, values))).rows[0];
  const lock = lockUsers ? 'FOR UPDATE OF u' : '';
  return {
    async client(id) {
      const row = await one<ClientRow>('SELECT * FROM api_clients WHERE id = $1', [id]);
      return row && clientRecord(row);
    },
    async clients() {
      const { rows } = await db.query<ClientRow>(
        prepared('SELECT * FROM api_clients ORDER BY created_at, id'),
      );
      return rows.map(clientRecord);
    },
    async user(clientId, userId) {
      const row = await one<UserRow>(
        `SELECT ${USER_COLUMNS} FROM mfa_users u WHERE u.client_id = $1 AND u.user_id = $2 ${lock}`,
        [clientId, userId],
      );
      return row && userRecord(row);
    },
    async userByPk(pk) {
      const row = await one<UserRow>(
        `SELECT ${USER_COLUMNS} FROM mfa_users u WHERE u.pk = $1 ${lock}`,
        [pk],
      );
      return row && userRecord(row);
    },
    async users(query, now) {
      const { rows } = await db.query<UserRow & { policy_mode: UserListRow['policyMode'] }>(
        prepared(
          `SELECT * FROM (
           SELECT ${USER_COLUMNS}, c.policy_mode
           FROM mfa_users u JOIN api_clients c ON c.id = u.client_id
           WHERE ($1::text IS NULL OR u.client_id = $1) AND ($2::bigint IS NULL OR u.pk > $2)
             AND ($3::text IS NULL OR strpos(lower(u.user_id || ' ' || coalesce(u.display_name, '')
               || ' ' || coalesce(u.email, '')), lower($3)) > 0)
         ) s WHERE $4::text IS NULL OR $4 = CASE
           WHEN factor_id IS NOT NULL THEN 'enrolled'
           WHEN pending_expires_at > $5 THEN 'pending' ELSE 'none' END
         ORDER BY pk LIMIT $6`,
          [
            query.clientId ?? null,
            query.afterPk ?? null,
            query.q ?? null,
            query.status ?? null,
            now,
            query.limit,
          ],
        ),
      );
      return rows.map((row) => ({ ...userRecord(row), policyMode: row.policy_mode }));
    },
    async pendingEnrollment(id, userPk) {
      const row = await one<PendingRow>(
        'SELECT id, sealed_secret, expires_at FROM mfa_enrollments WHERE id = $1 AND user_pk = $2',
        [id, userPk],
      );
      return row && pendingRecord(row);
    },
    async audit(filter: AuditFilter) {
      const where: string[] = [];
      const values: unknown[] = [];
      const add = (condition: string, value: unknown) => {
        values.push(value);
        where.push(condition.replace('?', `$${values.length}`));
      };
      if (filter.clientId !== undefined) add('client_id = ?', filter.clientId);
      if (filter.userId !== undefined) add('user_id = ?', filter.userId);
      if (filter.event !== undefined) add('event = ?', filter.event);
      if (filter.sinceMs !== undefined) add('at >= ?', filter.sinceMs);
      if (filter.beforeId !== undefined) add('id < ?', filter.beforeId);
      values.push(filter.limit);
      const { rows } = await db.query<AuditRow>(
        prepared(
          `SELECT * FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY id DESC LIMIT $${values.length}`,
          values,
        ),
      );
      return rows.map(auditRecord);
    },
  };
}
