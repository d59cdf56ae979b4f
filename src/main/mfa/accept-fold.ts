import type { Db } from '../store/database';
import type { AcceptLog } from './accept-log';
import type { UserRepository } from './user-repository';
import type { BatchTail } from './write-queue';

/**
 * One sweep folds every user's unfolded accept into the row, spread over this long. The longer,
 * the more verifies of a user (and of the users sharing a page) one row write covers.
 */
const SWEEP_MS = 10_000;
/** At most this many rows folded in one batch, however long the server was idle. */
const MAX_FOLDS_PER_BATCH = 512;
/** Log rows deleted per batch once a sweep has folded them. */
const DELETE_PER_BATCH = 1024;

interface Sweep {
  /** The users it folds, ascending: neighbours share pages, so a page is written once per sweep. */
  users: Int32Array;
  next: number;
  startedAt: number;
}

/**
 * Folds the accept log (accept-log.ts) into `mfa_users` (`totp_last_step`, `last_verified_at`)
 * and deletes the rows it folded, a slice at the end of each write batch, on the server's own
 * connection: a commit from another connection would make this one drop its whole page cache.
 * A fold only raises the row's values and names the factor, so folding a row twice (two
 * processes), or one whose factor has since been replaced, is harmless. The newest log row is
 * never deleted, so sequence numbers never go back.
 */
export function createAcceptFolder(
  db: Db,
  log: AcceptLog,
  users: Pick<UserRepository, 'foldAccept'>,
  clock: () => number = Date.now,
): BatchTail {
  const deleteBelow = db.prepare(
    'DELETE FROM mfa_totp_accepts WHERE seq < min(?, (SELECT min(seq) FROM mfa_totp_accepts) + ?)',
  );
  let sweep: Sweep | null = null;
  /** Log rows below this are folded and may go. */
  let deletable = 0;
  // What this batch did, undone if it does not commit.
  let done: [pk: number, seq: number][] = [];
  let before: { next: number; sweep: Sweep | null; deletable: number } | null = null;

  function foldSlice(now: number): void {
    if (!sweep) {
      const users = log.unfoldedUsers();
      if (users.length === 0) return;
      sweep = { users: users.sort(), next: 0, startedAt: now };
    }
    const due = Math.ceil((sweep.users.length * (now - sweep.startedAt)) / SWEEP_MS);
    const end = Math.min(sweep.users.length, due, sweep.next + MAX_FOLDS_PER_BATCH);
    for (; sweep.next < end; sweep.next++) {
      const pk = sweep.users[sweep.next]!;
      const accept = log.newest(pk);
      if (!accept) continue;
      users.foldAccept(pk, accept.factorId, accept.step, accept.at);
      done.push([pk, accept.seq]);
    }
    if (sweep.next === sweep.users.length) {
      deletable = log.foldedBelow();
      sweep = null;
    }
  }

  return {
    mark: () => 0,
    rollbackTo(mark) {
      if (mark !== 0 || !before) return;
      sweep = before.sweep;
      if (sweep) sweep.next = before.next;
      deletable = before.deletable;
      before = null;
      done = [];
    },
    write() {
      before = { next: sweep?.next ?? 0, sweep, deletable };
      foldSlice(clock());
      if (deletable > 0 && deleteBelow.run(deletable, DELETE_PER_BATCH).changes === 0)
        deletable = 0;
    },
    committed() {
      for (const [pk, seq] of done) log.folded(pk, seq);
      done = [];
      before = null;
    },
  };
}
