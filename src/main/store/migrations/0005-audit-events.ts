import type { Migration } from '../migration';

/**
 * Who did what to which user, and the outcome. Never a code, secret or key: `detail` holds only
 * small non-secret facts (e.g. the method used or the lock expiry).
 */
export const auditEvents: Migration = {
  version: 5,
  name: 'audit-events',
  up(db) {
    db.exec(`
      CREATE TABLE audit_events (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        client_id TEXT,
        user_id TEXT,
        event TEXT NOT NULL,
        outcome TEXT NOT NULL,
        detail TEXT
      );
      -- Both indexes grow at their tail (ids only increase within a client or an event), so an
      -- audit row dirties the last pages only: an index on (client_id, user_id) would dirty a
      -- random page per verify. Queries by user scan one client's events newest first.
      CREATE INDEX audit_events_client ON audit_events (client_id, id);
      CREATE INDEX audit_events_event ON audit_events (event, id);
    `);
  },
};
