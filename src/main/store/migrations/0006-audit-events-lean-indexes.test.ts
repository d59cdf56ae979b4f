import { describe, expect, it } from 'vitest';
import { createSqliteReads } from '../../mfa/store/sqlite/sqlite-reads';
import { migratedTo } from '../../mfa/testing/migrated-db';
import { auditEventsLeanIndexes } from './0006-audit-events-lean-indexes';

const indexesOf = (db: ReturnType<typeof migratedTo>) =>
  (
    db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_events'`)
      .all() as { name: string }[]
  ).map((r) => r.name);

describe('0006 audit-events-lean-indexes', () => {
  it('keeps the rows and replaces both indexes with one over the rare events', () => {
    const db = migratedTo(5);
    const insert = db.prepare(
      `INSERT INTO audit_events (at, actor, client_id, user_id, event, outcome) VALUES (?, 'k', ?, ?, ?, 'success')`,
    );
    for (let i = 0; i < 300; i++)
      insert.run(i, `c${i % 3}`, `u${i % 7}`, i % 50 === 0 ? 'lockout.engaged' : 'verify.success');
    auditEventsLeanIndexes.up(db);
    expect(indexesOf(db)).toEqual(['audit_events_rare']);
    expect(db.prepare('SELECT count(*) AS n FROM audit_events').get()).toEqual({ n: 300 });
    // A verify.success row gets no index entry; the rare events are all in it.
    const inIndex = db
      .prepare(
        `SELECT count(*) AS n FROM audit_events INDEXED BY audit_events_rare WHERE event = 'lockout.engaged' AND event <> 'verify.success'`,
      )
      .get();
    expect(inIndex).toEqual({ n: 6 });
  });

  it('serves the admin audit filters, a rare event through the index', async () => {
    const db = migratedTo(6);
    const plans: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      if (sql.includes('FROM audit_events'))
        plans.push(
          ...(
            prepare(`EXPLAIN QUERY PLAN ${sql}`).all({
              limit: 1,
              clientId: 'c',
              userId: 'u',
              event: 'x',
              sinceMs: 0,
              beforeId: 1,
            }) as { detail: string }[]
          ).map((p) => p.detail),
        );
      return prepare(sql);
    }) as typeof db.prepare;
    const reads = createSqliteReads(db);
    const insert = db.prepare(
      `INSERT INTO audit_events (at, actor, client_id, user_id, event, outcome) VALUES (?, 'k', ?, ?, ?, 'success')`,
    );
    for (let i = 1; i <= 300; i++)
      insert.run(i, `c${i % 3}`, `u${i % 7}`, i % 50 === 0 ? 'lockout.engaged' : 'verify.success');
    const ids = async (q: Parameters<typeof reads.audit>[0]) =>
      (await reads.audit(q)).map((e) => e.id);
    expect(await ids({ event: 'lockout.engaged', limit: 10 })).toEqual([
      300, 250, 200, 150, 100, 50,
    ]);
    expect(plans.join('\n')).toMatch(/USING INDEX audit_events_rare/);
    expect(await ids({ event: 'lockout.engaged', beforeId: 200, limit: 2 })).toEqual([150, 100]);
    expect(await ids({ event: 'verify.success', clientId: 'c1', limit: 3 })).toEqual([
      298, 295, 292,
    ]);
    expect(await ids({ clientId: 'c2', userId: 'u3', limit: 2 })).toEqual([290, 269]);
    expect(await ids({ sinceMs: 299, limit: 5 })).toEqual([300, 299]);
    expect(await ids({ limit: 2 })).toEqual([300, 299]);
  });
});
