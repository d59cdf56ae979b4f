import { describe, expect, it } from 'vitest';
import { columns, migratedTo } from '../../mfa/testing/migrated-db';

describe('0005 audit-events', () => {
  it('creates the audit table and its indexes', () => {
    const db = migratedTo(5);
    expect(columns(db, 'audit_events')).toEqual([
      'id',
      'at',
      'actor',
      'client_id',
      'user_id',
      'event',
      'outcome',
      'detail',
    ]);
    const indexes = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_events'`)
      .all();
    expect(indexes).toHaveLength(2);
  });
});
