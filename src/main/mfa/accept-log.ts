import { createBulkInsert } from '../store/bulk-insert';
import type { Db } from '../store/database';
import type { BatchTail } from './write-queue';

/** The newest accept of a user's factor that its row may not show yet. */
export interface Accept {
  seq: number;
  factorId: string;
  step: number;
  at: number;
}

/** An accept of the batch running now: its sequence number is given when it is written. */
type PendingAccept = Omit<Accept, 'seq'> & { pk: number };

/**
 * The replay guard of users in good standing, kept off their rows (see migration 0007). The
 * guard of a factor is the larger of its row's `totp_folded_step` and its newest row in
 * `mfa_totp_accepts`; this module keeps the newest row of each user in memory, until it is folded
 * into the row, so a verify never searches the log.
 *
 * Exact across processes: the first decision of each write batch, made under the database write
 * lock, first reads every log row past the last one this process knows. Rows another process
 * appended are then known, and no other writer can append until this batch commits; a batch's
 * own rows are appended with the next sequence numbers and become known when it commits.
 */
export interface AcceptLog {
  /**
   * Inside a write-queue job: the newest step accepted for this factor that the row may not
   * show (this batch's accepts included), or -1.
   */
  lastStep(pk: number, factorId: string): number;
  /** Inside a write-queue job, once `lastStep` showed the step is newer: the code is spent. */
  append(pk: number, factorId: string, step: number, at: number): void;
  /** When the row's factor last accepted a code, counting accepts not yet folded into the row. */
  lastVerifiedAt(row: {
    pk: number;
    totp_factor_id: string | null;
    last_verified_at: number | null;
  }): number | null;
  /** The write queue's tail: the batch's accepts go in as a few multi-row INSERTs. */
  pending: BatchTail;

  // For the fold (accept-fold.ts), inside a write-queue job.
  /** Every log row is known: the newest one's sequence number (0 for none yet). */
  lastSeq(): number;
  hasUnfolded(): boolean;
  /** The largest pk it has had an accept of, so that a sweep reaches users deleted since. */
  largestPk(): number;
  newest(pk: number): Readonly<Accept> | undefined;
  /** The fold that wrote `seq` into the row committed: unless a newer accept came since, done. */
  folded(pk: number, seq: number): void;
}

type LogRow = [seq: number, pk: number, factorId: string, step: number, at: number];

export function createAcceptLog(db: Db): AcceptLog {
  const since = db
    .prepare(
      'SELECT seq, user_pk, factor_id, step, at FROM mfa_totp_accepts WHERE seq > ? ORDER BY seq',
    )
    .raw();
  const insert = createBulkInsert(db, 'mfa_totp_accepts', [
    'seq',
    'user_pk',
    'factor_id',
    'step',
    'at',
  ]);
  // By user: the newest accept not yet folded.
  const known = new Map<number, Accept>();
  let lastSeq = 0;
  // Of every user ever remembered: one deleted since may still be in `known`.
  let largestPk = 0;
  let pending: PendingAccept[] = [];
  const pendingByPk = new Map<number, PendingAccept>();
  let caughtUp = false;

  /**
   * Updated in place: a new object per verify would live until the fold, long enough to be
   * promoted, and the old generation's collections (pauses of 10-20 ms) would come that often.
   */
  function remember(pk: number, seq: number, factorId: string, step: number, at: number): void {
    largestPk = Math.max(largestPk, pk);
    const accept = known.get(pk);
    if (!accept) {
      known.set(pk, { seq, factorId, step, at });
      return;
    }
    accept.seq = seq;
    accept.factorId = factorId;
    accept.step = step;
    accept.at = at;
  }

  function catchUp(): void {
    for (const [seq, pk, factorId, step, at] of since.all(lastSeq) as LogRow[]) {
      remember(pk, seq, factorId, step, at);
      lastSeq = seq;
    }
  }

  const ensureCaughtUp = () => {
    if (!caughtUp) {
      catchUp();
      caughtUp = true;
    }
  };

  /** The factor's newest accept the row may not show: this batch's, else the index's. */
  function newestOf(pk: number, factorId: string): { step: number; at: number } | undefined {
    const mine = pendingByPk.get(pk);
    if (mine?.factorId === factorId) return mine;
    const accept = known.get(pk);
    return accept?.factorId === factorId ? accept : undefined;
  }

  function dropPending(mark: number): void {
    pending.length = Math.min(pending.length, mark);
    pendingByPk.clear();
    for (const accept of pending) pendingByPk.set(accept.pk, accept);
  }

  return {
    lastStep(pk, factorId) {
      ensureCaughtUp();
      return newestOf(pk, factorId)?.step ?? -1;
    },

    append(pk, factorId, step, at) {
      const accept = { pk, factorId, step, at };
      pending.push(accept);
      pendingByPk.set(pk, accept);
    },

    lastVerifiedAt(row) {
      if (row.totp_factor_id === null) return row.last_verified_at;
      catchUp();
      // Inside a write-queue job, this batch's accepts count too.
      const accept = newestOf(row.pk, row.totp_factor_id);
      if (!accept) return row.last_verified_at;
      return Math.max(row.last_verified_at ?? 0, accept.at);
    },

    pending: {
      mark: () => pending.length,
      rollbackTo(mark) {
        dropPending(mark);
        // The batch runs again in a new transaction: another process may append before it.
        if (mark === 0) caughtUp = false;
      },
      write() {
        if (pending.length === 0) return;
        // Under the write lock, after this batch caught up: nobody else can take these numbers.
        const params: (string | number)[] = [];
        let seq = lastSeq;
        for (const { pk, factorId, step, at } of pending)
          params.push(++seq, pk, factorId, step, at);
        insert(params);
      },
      committed() {
        for (const { pk, factorId, step, at } of pending) {
          remember(pk, ++lastSeq, factorId, step, at);
        }
        pending = [];
        pendingByPk.clear();
        caughtUp = false;
      },
    },

    lastSeq() {
      ensureCaughtUp();
      return lastSeq;
    },
    hasUnfolded: () => known.size > 0,
    largestPk: () => largestPk,
    newest: (pk) => known.get(pk),
    folded(pk, seq) {
      if (known.get(pk)?.seq === seq) known.delete(pk);
    },
  };
}
