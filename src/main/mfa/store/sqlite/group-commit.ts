import type { Db } from '../../../store/database';

interface Job<Tx> {
  work: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit. The works submitted during one event-loop turn run, one after the other, in ONE
 * `BEGIN IMMEDIATE` transaction, and every caller is answered only after its COMMIT: each
 * decision is still a conditional write under the database write lock and durable (with
 * `synchronous=FULL`, one fsync of the WAL) before the reply, but a burst of verifies pays for
 * one commit instead of one each. Each work runs inside a savepoint, so a work that throws
 * undoes its own writes only. Works await only the transaction's statements (synchronous
 * underneath), so a batch never waits for I/O: it holds the lock for its CPU time alone.
 */
export function createGroupCommit<Tx>(db: Db, tx: Tx) {
  const s = {
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    savepoint: db.prepare('SAVEPOINT work'),
    release: db.prepare('RELEASE work'),
    undo: db.prepare('ROLLBACK TO work'),
  };
  let queue: Job<Tx>[] = [];
  let scheduled = false;
  let running: Promise<void> | undefined;

  const schedule = () => {
    if (scheduled || running || queue.length === 0) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      running = runBatch().finally(() => {
        running = undefined;
        schedule();
      });
    });
  };

  async function runBatch(): Promise<void> {
    const jobs = queue;
    queue = [];
    const settled: { ok: boolean; value: unknown }[] = [];
    try {
      s.begin.run();
      for (const job of jobs) {
        s.savepoint.run();
        try {
          const value = await job.work(tx);
          s.release.run();
          settled.push({ ok: true, value });
        } catch (error) {
          s.undo.run();
          s.release.run();
          settled.push({ ok: false, value: error });
        }
      }
      s.commit.run();
    } catch (error) {
      // BEGIN or COMMIT failed (busy past the timeout, disk full): nothing of the batch is
      // stored, so nobody may be told otherwise.
      if (db.open && db.inTransaction) db.exec('ROLLBACK');
      for (const job of jobs) job.reject(error);
      return;
    }
    jobs.forEach((job, i) => (settled[i]!.ok ? job.resolve : job.reject)(settled[i]!.value));
  }

  return {
    run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      });
    },
    /** Resolves once every work submitted so far has been committed (or refused). */
    async drain(): Promise<void> {
      while (running || scheduled || queue.length > 0) {
        await (running ?? new Promise((resolve) => setImmediate(resolve)));
      }
    },
  };
}
