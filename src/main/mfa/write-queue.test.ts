import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { createWriteQueue, type BatchTail } from './write-queue';

function table() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER NOT NULL)');
  return db;
}

describe('write queue (group commit)', () => {
  it('runs the jobs of one turn in one transaction and answers after the commit', async () => {
    const db = table();
    const queue = createWriteQueue(db);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        queue.run(() => {
          db.prepare('INSERT INTO t (v) VALUES (?)').run(i);
          return db.inTransaction;
        }),
      ),
    );
    expect(results.every(Boolean)).toBe(true);
    // Jobs queued in one turn share the transaction: the ids were assigned in submission order.
    expect(db.prepare('SELECT v FROM t ORDER BY id').pluck().all()).toEqual(
      Array.from({ length: 20 }, (_, i) => i),
    );
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(20);
  });

  it('a job that throws undoes only its own writes and rejects only its caller', async () => {
    const db = table();
    const queue = createWriteQueue(db);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const outcomes = await Promise.allSettled([
      queue.run(() => insert.run(1)),
      queue.run(() => {
        insert.run(2);
        throw new Error('boom');
      }),
      queue.run(() => insert.run(3)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(db.prepare('SELECT v FROM t ORDER BY v').pluck().all()).toEqual([1, 3]);
  });

  it('when the commit fails nobody is told their write succeeded', async () => {
    const db = table();
    const queue = createWriteQueue(db);
    db.exec('CREATE TABLE c (x INTEGER REFERENCES t (id) DEFERRABLE INITIALLY DEFERRED)');
    db.pragma('foreign_keys = ON');
    const outcomes = await Promise.allSettled([
      queue.run(() => db.prepare('INSERT INTO t (v) VALUES (1)').run()),
      queue.run(() => db.prepare('INSERT INTO c (x) VALUES (999)').run()),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(0);
  });

  it('the tail is written in the batch, without the rows of a job that threw', async () => {
    const db = table();
    db.exec('CREATE TABLE log (v INTEGER NOT NULL)');
    const rows: number[] = [];
    let commits = 0;
    const tail: BatchTail = {
      mark: () => rows.length,
      rollbackTo: (mark) => void (rows.length = Math.min(rows.length, mark)),
      write: () => {
        for (const v of rows.splice(0)) db.prepare('INSERT INTO log (v) VALUES (?)').run(v);
      },
      committed: () => void commits++,
    };
    const queue = createWriteQueue(db, [tail]);
    const job = (v: number, fail = false) =>
      queue.run(() => {
        rows.push(v);
        if (fail) throw new Error('boom');
        return queue.inBatch;
      });
    const outcomes = await Promise.allSettled([job(1), job(2, true), job(3)]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(db.prepare('SELECT v FROM log ORDER BY v').pluck().all()).toEqual([1, 3]);
    expect(commits).toBe(1);
    expect(queue.inBatch).toBe(false);
  });
});
