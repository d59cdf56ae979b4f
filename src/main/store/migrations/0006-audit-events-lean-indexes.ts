import type { Migration } from '../migration';

/**
 * The two audit indexes cost every verify an entry each (about 2 µs, plus their pages in each
 * commit and checkpoint), and the admin audit query never used them: it walks the primary key
 * newest first. One partial index replaces them, over the rare events only, so the hot path
 * (`verify.success`) adds no index entry while a filter on a rare event (a lockout, a reset)
 * finds its rows without walking the whole log.
 */
export const auditEventsLeanIndexes: Migration = {
  version: 6,
  name: 'audit-events-lean-indexes',
  up(db) {
    db.exec(`
      DROP INDEX audit_events_client;
      DROP INDEX audit_events_event;
      CREATE INDEX audit_events_rare ON audit_events (event, id) WHERE event <> 'verify.success';
    `);
  },
};
