import type { AuditEvent, AuditEventName } from '../../shared/api';
import { createBulkInsert } from '../store/bulk-insert';
import type { Db } from '../store/database';
import type { BatchTail } from './write-queue';

export type AuditDetail = Record<string, string | number | boolean | null>;

export interface AuditEntry {
  actor: string;
  clientId: string | null;
  userId: string | null;
  event: AuditEventName;
  outcome: 'success' | 'failure';
  /** Small non-secret facts only (method, lock expiry); never a code, secret or key. */
  detail?: AuditDetail;
  /**
   * A success that spent a TOTP step of a user in good standing: the row is also its replay
   * guard (accept-log.ts, migration 0008). The step is a time, not a code.
   */
  accept?: { pk: number; factorId: string; step: number };
}

export interface AuditQuery {
  clientId?: string;
  userId?: string;
  event?: string;
  sinceMs?: number;
  /** Return events older than this id (pages go newest first). */
  beforeId?: number;
  limit: number;
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

export interface AuditLog {
  /** Call inside a write-queue job: the event is written with the batch, before it commits. */
  append(entry: AuditEntry, atMs: number): void;
  /** The write queue's tail: the batch's events go in as a few multi-row INSERTs. */
  pending: BatchTail;
  /** Once the running batch wrote its rows: the id of the last, if it wrote any. */
  writtenId(): number | null;
  query(filter: AuditQuery): AuditEvent[];
}

/** The event of nearly every audit row; the partial index leaves it out. */
const COMMON_EVENT = 'verify.success';

export function createAuditLog(db: Db): AuditLog {
  const insert = createBulkInsert(db, 'audit_events', [
    'at',
    'actor',
    'client_id',
    'user_id',
    'event',
    'outcome',
    'detail',
    'accept_pk',
    'accept_factor',
    'accept_step',
  ]);
  // The batch's rows, flattened into parameters: one INSERT per 64 rows instead of one per row.
  let params: (string | number | null)[] = [];
  let writtenId: number | null = null;
  // One statement per combination of filters, so that each names only the columns it filters on
  // and the planner can use the partial index of the rare events (see migration 0006).
  const selects = new Map<string, ReturnType<Db['prepare']>>();
  const selectOf = (filter: AuditQuery) => {
    const where: string[] = [];
    if (filter.clientId !== undefined) where.push('client_id = :clientId');
    if (filter.userId !== undefined) where.push('user_id = :userId');
    if (filter.event !== undefined) {
      where.push('event = :event');
      if (filter.event !== COMMON_EVENT) where.push(`event <> '${COMMON_EVENT}'`);
    }
    if (filter.sinceMs !== undefined) where.push('at >= :since');
    if (filter.beforeId !== undefined) where.push('id < :before');
    const key = where.join(' AND ');
    let statement = selects.get(key);
    if (!statement) {
      statement = db.prepare(
        `SELECT * FROM audit_events ${key ? `WHERE ${key}` : ''} ORDER BY id DESC LIMIT :limit`,
      );
      selects.set(key, statement);
    }
    return statement;
  };
  return {
    append(entry, atMs) {
      const detail = entry.detail ? JSON.stringify(entry.detail) : null;
      const accept = entry.accept;
      params.push(
        atMs,
        entry.actor,
        entry.clientId,
        entry.userId,
        entry.event,
        entry.outcome,
        detail,
        accept ? accept.pk : null,
        accept ? accept.factorId : null,
        accept ? accept.step : null,
      );
    },
    writtenId: () => writtenId,
    pending: {
      mark: () => params.length,
      rollbackTo(mark) {
        params.length = Math.min(params.length, mark);
        if (mark === 0) writtenId = null;
      },
      write() {
        const all = params;
        params = [];
        writtenId = insert(all);
      },
      committed() {
        writtenId = null;
      },
    },
    query(filter) {
      const params: Record<string, string | number> = { limit: filter.limit };
      if (filter.clientId !== undefined) params.clientId = filter.clientId;
      if (filter.userId !== undefined) params.userId = filter.userId;
      if (filter.event !== undefined) params.event = filter.event;
      if (filter.sinceMs !== undefined) params.since = filter.sinceMs;
      if (filter.beforeId !== undefined) params.before = filter.beforeId;
      const rows = selectOf(filter).all(params) as AuditRow[];
      return rows.map((row) => ({
        id: row.id,
        at: new Date(row.at).toISOString(),
        actor: row.actor,
        clientId: row.client_id,
        userId: row.user_id,
        event: row.event,
        outcome: row.outcome,
        detail: row.detail === null ? null : (JSON.parse(row.detail) as AuditDetail),
      }));
    },
  };
}
