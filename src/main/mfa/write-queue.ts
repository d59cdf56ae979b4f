import type { Db } from '../store/database';

interface Job {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit. Every write of the MFA services runs as a job; the jobs submitted during one
 * event-loop turn run in ONE `BEGIN IMMEDIATE` transaction, each inside its own savepoint (a job
 * that throws undoes only its own writes), and every caller is answered only after the COMMIT.
 * So each accept/consume is still a conditional write made under the database write lock and
 * durable before the reply, but a burst of verifies pays for one commit instead of one each:
 * measured 44 µs per verify+audit transaction alone vs about 4 µs batched.
 */
export interface WriteQueue {
  run<T>(work: () => T): Promise<T>;
  /** Commits what is queued now (shutdown). */
  flush(): void;
}

export function createWriteQueue(db: Db): WriteQueue {
  let jobs: Job[] = [];
  let scheduled = false;
  const savepoint = db.transaction((work: () => unknown) => work());
  const settled: { job: Job; ok: boolean; value: unknown }[] = [];
  const batch = db.transaction((list: Job[]) => {
    for (const job of list) {
      try {
        settled.push({ job, ok: true, value: savepoint(job.work) });
      } catch (error) {
        settled.push({ job, ok: false, value: error });
      }
    }
  });

  function flush(): void {
    scheduled = false;
    const list = jobs;
    jobs = [];
    if (list.length === 0) return;
    settled.length = 0;
    try {
      batch.immediate(list);
    } catch (error) {
      // The commit itself failed: nothing of the batch is stored, so nobody may be told otherwise.
      settled.length = 0;
      for (const job of list) job.reject(error);
      return;
    }
    const results = settled.splice(0);
    for (const { job, ok, value } of results) (ok ? job.resolve : job.reject)(value);
  }

  return {
    run<T>(work: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        jobs.push({ work, resolve: resolve as (value: unknown) => void, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    flush,
  };
}
