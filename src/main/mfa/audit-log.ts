import type { AuditEvent, AuditEventName } from '../../shared/api';
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
  query(filter: AuditQuery): AuditEvent[];
}

const COLUMNS = 7;
/** Rows per INSERT: 64 × 7 parameters stays far below SQLite's limit of 32,766. */
const ROWS_PER_INSERT = 64;

export function createAuditLog(db: Db): AuditLog {
  const inserts = new Map<number, ReturnType<Db['prepare']>>();
  const insertOf = (rows: number) => {
    let statement = inserts.get(rows);
    if (!statement) {
      const values = Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ');
      statement = db.prepare(
        `INSERT INTO audit_events (at, actor, client_id, user_id, event, outcome, detail) VALUES ${values}`,
      );
      inserts.set(rows, statement);
    }
    return statement;
  };
  // The batch's rows, flattened into parameters: one INSERT per 64 rows instead of one per row.
  let params: (string | number | null)[] = [];
  const select = db.prepare(`
    SELECT * FROM audit_events
    WHERE (:clientId IS NULL OR client_id = :clientId) AND (:userId IS NULL OR user_id = :userId)
      AND (:event IS NULL OR event = :event) AND (:since IS NULL OR at >= :since)
      AND (:before IS NULL OR id < :before)
    ORDER BY id DESC LIMIT :limit`);
  return {
    append(entry, atMs) {
      const detail = entry.detail ? JSON.stringify(entry.detail) : null;
      params.push(
        atMs,
        entry.actor,
        entry.clientId,
        entry.userId,
        entry.event,
        entry.outcome,
        detail,
      );
    },
    pending: {
      mark: () => params.length,
      rollbackTo(mark) {
        params.length = Math.min(params.length, mark);
      },
      write() {
        const all = params;
        params = [];
        for (let start = 0; start < all.length; start += ROWS_PER_INSERT * COLUMNS) {
          const chunk = all.slice(start, start + ROWS_PER_INSERT * COLUMNS);
          insertOf(chunk.length / COLUMNS).run(chunk);
        }
      },
    },
    query(filter) {
      const rows = select.all({
        clientId: filter.clientId ?? null,
        userId: filter.userId ?? null,
        event: filter.event ?? null,
        since: filter.sinceMs ?? null,
        before: filter.beforeId ?? null,
        limit: filter.limit,
      }) as AuditRow[];
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
