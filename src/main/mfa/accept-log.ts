import type { Db } from '../store/database';
import { MAX_CACHED_FACTORS } from './factor-cache';
import { PkIndex } from './pk-index';
import type { BatchTail } from './write-queue';

/** The newest accept of a user's factor (its row may not show it yet). */
export interface Accept {
  seq: number;
  factorId: string;
  step: number;
  at: number;
}

/** An accept of the batch running now: its sequence number is given when the batch commits. */
type PendingAccept = Omit<Accept, 'seq'> & { pk: number };

/**
 * The replay guard of users in good standing, kept off their rows (migrations 0007 and 0008).
 * The guard of a factor is the larger of its row's `totp_folded_step` and its newest accept in
 * the audit (the `accept_*` columns of its `verify.success` rows); this module keeps the newest
 * accept of each user in memory (marked once folded into the row), so a verify never searches.
 * The sequence number of an accept is its audit row's id (for the batch's own, the batch's last).
 *
 * Exact across processes: under the database write lock, each write batch reads every accept
 * past the last audit id this process knows before its first decision, and again before its
 * audit rows are written. Those another process wrote are then known, and no other writer can
 * add any until this batch commits; a batch's own accepts are written on its audit rows
 * (`AuditEntry.accept`) and become known when it commits.
 */
export interface AcceptLog {
  /**
   * Inside a write-queue job: the newest step accepted for this factor (this batch's accepts
   * included), or -1.
   */
  lastStep(pk: number, factorId: string): number;
  /**
   * Inside a write-queue job, once `lastStep` showed the step is newer: the code is spent. Only
   * the audit row that carries it (`AuditEntry.accept`, see mfa-context.ts) makes it durable.
   */
  append(pk: number, factorId: string, step: number, at: number): void;
  /** When the row's factor last accepted a code, counting accepts not yet folded into the row. */
  lastVerifiedAt(row: {
    pk: number;
    totp_factor_id: string | null;
    last_verified_at: number | null;
  }): number | null;
  /**
   * The write queue's tail, before the audit's: every batch catches up before it writes audit
   * rows, so that the ids it then knows up to leave out no other process's accept.
   */
  pending: BatchTail;

  // For the fold (accept-fold.ts), inside a write-queue job.
  /** Every accept up to this audit id is known (or folded before this process started). */
  lastSeq(): number;
  hasUnfolded(): boolean;
  /** The accepts of the running batch (each may need a fold later). */
  pendingCount(): number;
  /** The largest pk it has had an accept of, so that a sweep reaches users deleted since. */
  largestPk(): number;
  /** The user's newest accept if the row may not show it yet. */
  newest(pk: number): Readonly<Accept> | undefined;
  /** The fold that wrote `seq` into the row committed: unless a newer accept came since, done. */
  folded(pk: number, seq: number): void;
}

// The last audit row comes even when it is no accept: then all but its id are null.
type LogRow = [seq: number, pk: number, factorId: string, step: number | null, at: number];

/** Accepts kept in memory at most (their users' rows already show the folded ones). */
const MAX_KNOWN = MAX_CACHED_FACTORS;

/**
 * `writtenAuditId`: the id of the last audit row the running batch wrote, if it wrote any (the
 * ids of a batch's own accepts, known once it commits). `inBatch`: whether a write batch runs
 * now (the write queue's); without it every read catches up again.
 */
export function createAcceptLog(
  db: Db,
  writtenAuditId: () => number | null,
  inBatch: () => boolean = () => false,
): AcceptLog {
  // A range of the audit's primary key: after the last id known, only the newest rows. The last
  // row comes too, accept or not, so that what has been read moves past every row (one snapshot).
  const since = db
    .prepare(
      `SELECT id, accept_pk, accept_factor, accept_step, at FROM audit_events
       WHERE id > ? AND (accept_step IS NOT NULL OR id = (SELECT max(id) FROM audit_events))
       ORDER BY id`,
    )
    .raw();
  // By user: the newest accept, folded into the row or not yet.
  const known = new PkIndex<Accept & { unfolded: boolean }>();
  let unfolded = 0;
  // Those before are folded into the rows: the newest rows are all a process starting reads.
  let lastSeq = db
    .prepare('SELECT through_audit_id FROM mfa_accepts_folded')
    .pluck()
    .get() as number;
  // Of every user ever remembered: one deleted since may still be in `known`.
  let largestPk = 0;
  let pending: PendingAccept[] = [];
  const pendingByPk = new Map<number, PendingAccept>();
  let caughtUp = false;

  /**
   * Updated in place, and kept once folded (only marked so): a new object per verify would live
   * until the fold, long enough to be promoted, and the old generation's collections (pauses of
   * 10-20 ms) would come that often; and deleting each folded user, to add it again at its next
   * verify, made a Map shrink and grow past its thresholds, each time rehashing every entry
   * (5-11 ms at 100,000 users, measured in the bench's latency tail; see pk-index.ts).
   */
  function remember(pk: number, seq: number, factorId: string, step: number, at: number): void {
    largestPk = Math.max(largestPk, pk);
    const accept = known.get(pk);
    if (!accept) {
      // Only when that frees many: each pass walks every entry.
      if (known.size >= MAX_KNOWN && known.size - unfolded >= MAX_KNOWN / 2) forgetFolded();
      known.set(pk, { seq, factorId, step, at, unfolded: true });
      unfolded++;
      return;
    }
    if (!accept.unfolded) unfolded++;
    accept.unfolded = true;
    accept.seq = seq;
    accept.factorId = factorId;
    accept.step = step;
    accept.at = at;
  }

  /** Past the bound (more users than the factor cache holds), what the rows show already goes. */
  function forgetFolded(): void {
    known.deleteWhere((accept) => !accept.unfolded);
  }

  function catchUp(): void {
    // Iterated, not loaded whole: a process starting may read millions of rows.
    for (const [seq, pk, factorId, step, at] of since.iterate(
      lastSeq,
    ) as IterableIterator<LogRow>) {
      if (step !== null) remember(pk, seq, factorId, step, at);
      lastSeq = seq;
    }
  }

  /**
   * Once per batch, under the write lock. Outside a batch (a misplaced call) it reads without
   * marking: a mark made there would let the next batch decide without reading under the lock.
   */
  const ensureCaughtUp = () => {
    if (caughtUp) return;
    catchUp();
    caughtUp = inBatch();
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

  // What the rows do not show yet is read now, outside the write lock: after a sustained load
  // that can be two sweeps' worth of accepts (accept-fold.ts), and the first batch, which reads
  // under the lock only what came after, would hold every other process's writes meanwhile.
  catchUp();

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
      // Before the audit writes this batch's rows (which catching up afterwards would read as
      // known before they commit), if no job of the batch did: `committed` relies on it. The
      // mark is only ever set inside a batch, under the lock, and cleared when it ends.
      write: ensureCaughtUp,
      committed() {
        // Caught up under the write lock, so no other process wrote between: every id up to the
        // batch's last row is known. Its own accepts take that id as their sequence number (a
        // stamp for `folded`, larger than any before).
        lastSeq = Math.max(lastSeq, writtenAuditId() ?? lastSeq);
        for (const { pk, factorId, step, at } of pending) remember(pk, lastSeq, factorId, step, at);
        pending = [];
        pendingByPk.clear();
        caughtUp = false;
      },
    },

    lastSeq() {
      ensureCaughtUp();
      return lastSeq;
    },
    hasUnfolded: () => unfolded > 0,
    pendingCount: () => pending.length,
    largestPk: () => largestPk,
    newest(pk) {
      const accept = known.get(pk);
      return accept?.unfolded ? accept : undefined;
    },
    folded(pk, seq) {
      const accept = known.get(pk);
      if (accept?.seq !== seq || !accept.unfolded) return;
      accept.unfolded = false;
      unfolded--;
    },
  };
}
