import type { Db } from '../store/database';
import type { AcceptLog } from './accept-log';
import type { UserRepository } from './user-repository';
import type { BatchTail } from './write-queue';

/**
 * One sweep folds every user's unfolded accept into the row, spread over this long at least
 * (longer when batches are few or far apart, see below). The longer, the more verifies of a user
 * (and of the users sharing a page) one row write covers: a fold is a row write on a random page
 * (about 4.5 µs), and with 200,000 users verifying, a 10 s sweep came to about 2 µs per verify.
 * The longer, too, the more accepts a process starting reads: two sweeps' worth at most, about
 * 2.4 million rows after a minute at 40,000 verifies/s (read before it takes the write lock, see
 * accept-log.ts).
 */
export const SWEEP_MS = 30_000;
/**
 * Of the pause between two batches, this much at most counts toward the sweep's pace: a quiet
 * spell left to count whole put a slice of fold debt in each of the first batches after it (the
 * first requests of 32 connections, after 3 s of quiet, each waited 2.3 ms behind 512 folds).
 */
export const MAX_GAP_MS = 1_000;
/**
 * At most this many rows folded (beyond one per accept of the batch), and pks visited, in one
 * batch: a batch is a few hundred µs, and its requests wait for it. The folds a batch may do
 * grow with its own accepts, so that however the load comes (a thousand small batches a second,
 * or a few large ones), folding keeps pace with what there is to fold.
 */
const MAX_FOLDS_PER_BATCH = 64;
const MAX_VISITS_PER_BATCH = 2_048;

interface Sweep {
  /** The accepts it covers (audit ids): when it ends, each is folded or superseded by a newer one. */
  upToSeq: number;
  /**
   * Users by pk up to the largest there was when it began (or that the index has: a user deleted
   * since), in order: neighbours share pages, so a page is written once per sweep. Users made
   * since wait for the next one.
   */
  endPk: number;
  /** The last pk visited. */
  cursor: number;
  /**
   * Time it has run: the clock's forward steps only (each up to MAX_GAP_MS), so setting the
   * clock back only pauses it.
   */
  elapsed: number;
}

/**
 * Folds the accept log (accept-log.ts) into `mfa_users` (`totp_folded_step`, `last_verified_at`),
 * a slice at the end of each write batch, on the server's own connection: a commit from another
 * connection would make this one drop its whole page cache. A sweep walks the users' pks at the
 * pace of the clock, so no batch does much of it (there is no list to build or sort either). A
 * fold only raises the row's values and names the factor, so folding a row twice (two
 * processes), or one whose factor has since been replaced, is harmless. When a sweep ends, every
 * accept it covers is in the rows: `mfa_accepts_folded` moves past them, so that a process
 * starting reads only the accepts after.
 */
export function createAcceptFolder(
  db: Db,
  log: AcceptLog,
  users: Pick<UserRepository, 'foldAccept' | 'largestPk'>,
  clock: () => number = Date.now,
): BatchTail {
  // Raised only: of two processes, the one whose sweep ended later may cover fewer accepts.
  const markFolded = db.prepare(
    'UPDATE mfa_accepts_folded SET through_audit_id = max(through_audit_id, ?)',
  );
  let sweep: Sweep | null = null;
  /** Every accept up to this audit id is folded (as far as this process has marked). */
  let foldedThrough = db
    .prepare('SELECT through_audit_id FROM mfa_accepts_folded')
    .pluck()
    .get() as number;
  let lastNow = clock();
  // What this batch did, undone if it does not commit.
  let done: [pk: number, seq: number][] = [];
  let before: {
    sweep: Sweep | null;
    cursor: number;
    elapsed: number;
    foldedThrough: number;
    lastNow: number;
  } | null = null;

  function markFoldedThrough(seq: number): void {
    if (seq <= foldedThrough) return;
    markFolded.run(seq);
    foldedThrough = seq;
  }

  function foldSlice(now: number, upToSeq: number): void {
    if (!sweep) {
      // Nothing unfolded: every accept known, so every one up to `upToSeq`, is in the rows.
      if (!log.hasUnfolded()) {
        markFoldedThrough(upToSeq);
        return;
      }
      // Capped where pks stop being exact numbers (the app only ever takes the next one).
      const endPk = Math.min(
        Math.max(users.largestPk(), log.largestPk()),
        Number.MAX_SAFE_INTEGER - MAX_VISITS_PER_BATCH,
      );
      sweep = { upToSeq, endPk, cursor: 0, elapsed: 0 };
    }
    sweep.elapsed += Math.min(MAX_GAP_MS, Math.max(0, now - lastNow));
    const due = Math.ceil((sweep.endPk * sweep.elapsed) / SWEEP_MS);
    const until = Math.min(sweep.endPk, due, sweep.cursor + MAX_VISITS_PER_BATCH);
    const maxFolds = MAX_FOLDS_PER_BATCH + log.pendingCount();
    for (let folds = 0; sweep.cursor < until && folds < maxFolds;) {
      const pk = ++sweep.cursor;
      const accept = log.newest(pk);
      if (!accept) continue;
      users.foldAccept(pk, accept.factorId, accept.step, accept.at);
      done.push([pk, accept.seq]);
      folds++;
    }
    if (sweep.cursor >= sweep.endPk) {
      markFoldedThrough(sweep.upToSeq);
      sweep = null;
    }
  }

  return {
    mark: () => 0,
    rollbackTo(mark) {
      if (mark !== 0 || !before) return;
      ({ sweep, foldedThrough, lastNow } = before);
      if (sweep) Object.assign(sweep, { cursor: before.cursor, elapsed: before.elapsed });
      before = null;
      done = [];
    },
    write() {
      const now = clock();
      const upToSeq = log.lastSeq();
      before = {
        sweep,
        cursor: sweep?.cursor ?? 0,
        elapsed: sweep?.elapsed ?? 0,
        foldedThrough,
        lastNow,
      };
      foldSlice(now, upToSeq);
      lastNow = now;
    },
    committed() {
      for (const [pk, seq] of done) log.folded(pk, seq);
      done = [];
      before = null;
    },
  };
}
