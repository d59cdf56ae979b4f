import { describe, expect, it } from 'vitest';
import { createAcceptFolder, MAX_GAP_MS, SWEEP_MS } from './accept-fold';
import { createAcceptLog } from './accept-log';
import { createAuditLog } from './audit-log';
import { migratedTo } from './testing/migrated-db';
import { createWriteQueue } from './write-queue';

/** The log and its folder on a bare database, with `users` users and a clock the test moves. */
function setup(users: number) {
  const db = migratedTo(8);
  const audit = createAuditLog(db);
  const log = createAcceptLog(db, audit.writtenId);
  const clock = { now: 1_000_000 };
  const folded: number[] = [];
  const folder = createAcceptFolder(
    db,
    log,
    { foldAccept: (pk) => void folded.push(pk), largestPk: () => users },
    () => clock.now,
  );
  const queue = createWriteQueue(db, [log.pending, audit.pending, folder]);
  let step = 0;
  /** One batch in which each of `pks` accepts a new step (as `ctx.record` does it). */
  const batch = (pks: number[]) =>
    queue.run(() => {
      step++;
      for (const pk of pks) {
        log.lastStep(pk, 'f');
        log.append(pk, 'f', step, clock.now);
        const accept = { pk, factorId: 'f', step };
        audit.append(
          {
            actor: 'a',
            clientId: 'c',
            userId: `u${pk}`,
            event: 'verify.success',
            outcome: 'success',
            accept,
          },
          clock.now,
        );
      }
    });
  const foldedThrough = () =>
    db.prepare('SELECT through_audit_id FROM mfa_accepts_folded').pluck().get() as number;
  const lastAuditId = () =>
    db.prepare('SELECT coalesce(max(id), 0) FROM audit_events').pluck().get() as number;
  /** Lets `ms` pass, a batch at every second of it (no pause longer than the sweep counts). */
  const pass = async (ms: number) => {
    for (let t = 0; t < ms; t += MAX_GAP_MS) {
      clock.now += MAX_GAP_MS;
      await batch([]);
    }
  };
  return { clock, folded, batch, pass, log, db, foldedThrough, lastAuditId };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('folding the accept log', () => {
  it('paces a sweep over SWEEP_MS, in pk order, and each user once', async () => {
    const { folded, batch, pass } = setup(100);
    await batch(range(1, 101).reverse());
    await pass(SWEEP_MS / 2);
    expect(folded).toEqual(range(1, 51));
    await pass(SWEEP_MS / 2);
    expect(folded).toEqual(range(1, 101));
  });

  it('setting the clock back pauses the sweep, and it goes on from there', async () => {
    const { clock, folded, batch, pass } = setup(100);
    await batch(range(1, 101));
    await pass(SWEEP_MS / 2);
    const halfway = folded.length;
    expect(halfway).toBeGreaterThan(0);
    clock.now -= 3_600_000;
    await batch([]);
    expect(folded).toHaveLength(halfway);
    await pass(SWEEP_MS / 2);
    expect(folded).toEqual(range(1, 101));
  });

  it('counts a long quiet spell as one short pause, so no batch after it folds in a burst', async () => {
    const { clock, folded, batch, pass } = setup(1500);
    await batch(range(1, 1501));
    clock.now += 3_600_000;
    await batch([]);
    expect(folded).toEqual(range(1, 1 + Math.ceil((1500 * MAX_GAP_MS) / SWEEP_MS)));
    await pass(SWEEP_MS);
    expect(folded).toEqual(range(1, 1501));
  });

  it('folds at most 64 rows in a batch, beyond one per accept of its own', async () => {
    const { clock, folded, batch } = setup(6000);
    await batch(range(1, 6001));
    clock.now += MAX_GAP_MS;
    await batch([]);
    expect(folded).toEqual(range(1, 65));
    clock.now += MAX_GAP_MS;
    await batch(range(1, 101));
    expect(folded).toHaveLength(64 + 64 + 100);
  });

  it('folds a user again after its next accept, once per accept', async () => {
    const { folded, batch, pass, log } = setup(3);
    const sweep = () => pass(SWEEP_MS + MAX_GAP_MS);
    await batch([1, 2]);
    await sweep();
    expect(folded).toEqual([1, 2]);
    expect(log.hasUnfolded()).toBe(false);
    await batch([2]);
    expect(log.hasUnfolded()).toBe(true);
    await sweep();
    expect(folded).toEqual([1, 2, 2]);
    expect(log.hasUnfolded()).toBe(false);
    // Folded: no longer for a sweep to visit, still known to the replay guard.
    expect(log.newest(2)).toBeUndefined();
    expect(log.lastStep(2, 'f')).toBeGreaterThan(0);
  });

  it('reaches the accept of a user deleted since, above the largest pk left, and then stops', async () => {
    const { folded, batch, pass, log } = setup(10);
    await batch([25]);
    await pass(3 * SWEEP_MS);
    expect(folded).toEqual([25]);
    // Nothing is left to fold, so no sweep keeps starting.
    expect(log.hasUnfolded()).toBe(false);
  });

  it('marks the accepts a sweep covered as folded when it ends, and keeps up under load', async () => {
    const { clock, batch, foldedThrough, lastAuditId } = setup(3000);
    const batchesPerSweep = SWEEP_MS / MAX_GAP_MS;
    const lags: number[] = [];
    for (let i = 0; i < 3 * batchesPerSweep; i++) {
      await batch(range(1, 3001));
      clock.now += MAX_GAP_MS;
      expect(foldedThrough()).toBeLessThanOrEqual(lastAuditId());
      lags.push(lastAuditId() - foldedThrough());
    }
    // What a process starting would read: two sweeps' worth at most, not growing.
    expect(Math.max(...lags)).toBeLessThanOrEqual((2 * batchesPerSweep + 2) * 3000);
    expect(Math.max(...lags.slice(2 * batchesPerSweep))).toBeLessThanOrEqual(
      Math.max(...lags.slice(batchesPerSweep, 2 * batchesPerSweep)),
    );
  });

  it('a process starting reads only the accepts after the mark, and knows them all', async () => {
    const { batch, pass, db, foldedThrough, log } = setup(10);
    await batch([1, 2]);
    await pass(SWEEP_MS + 2 * MAX_GAP_MS);
    // Everything folded: the mark is past both accepts, and an accept after it is still known.
    expect(foldedThrough()).toBe(2);
    await batch([3]);
    const later = createAcceptLog(db, () => null);
    expect(later.lastStep(1, 'f')).toBe(-1);
    expect(later.lastStep(3, 'f')).toBe(log.lastStep(3, 'f'));
    expect(later.lastStep(3, 'f')).toBeGreaterThan(0);
  });
});
