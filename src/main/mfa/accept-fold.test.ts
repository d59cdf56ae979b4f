import { describe, expect, it } from 'vitest';
import { createAcceptFolder } from './accept-fold';
import { createAcceptLog } from './accept-log';
import { migratedTo } from './testing/migrated-db';
import { createWriteQueue } from './write-queue';

/** The log and its folder on a bare database, with `users` users and a clock the test moves. */
function setup(users: number) {
  const db = migratedTo(7);
  const log = createAcceptLog(db);
  const clock = { now: 1_000_000 };
  const folded: number[] = [];
  const folder = createAcceptFolder(
    db,
    log,
    { foldAccept: (pk) => void folded.push(pk), largestPk: () => users },
    () => clock.now,
  );
  const queue = createWriteQueue(db, [log.pending, folder]);
  let step = 0;
  /** One batch in which each of `pks` accepts a new step. */
  const batch = (pks: number[]) =>
    queue.run(() => {
      step++;
      for (const pk of pks) {
        log.lastStep(pk, 'f');
        log.append(pk, 'f', step, clock.now);
      }
    });
  const rows = () => db.prepare('SELECT count(*) FROM mfa_totp_accepts').pluck().get() as number;
  return { clock, folded, batch, rows, log };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('folding the accept log', () => {
  it('paces a sweep over 10 s, in pk order, and each user once', async () => {
    const { clock, folded, batch } = setup(100);
    await batch(range(1, 101).reverse());
    for (let t = 0; t < 10; t++) {
      await batch([]);
      clock.now += 1000;
    }
    await batch([]);
    expect(folded).toEqual(range(1, 101));
  });

  it('setting the clock back pauses the sweep, and it goes on from there', async () => {
    const { clock, folded, batch } = setup(100);
    await batch(range(1, 101));
    await batch([]);
    clock.now += 5_000;
    await batch([]);
    const halfway = folded.length;
    expect(halfway).toBeGreaterThan(0);
    clock.now -= 3_600_000;
    await batch([]);
    expect(folded).toHaveLength(halfway);
    clock.now += 5_000;
    await batch([]);
    expect(folded).toEqual(range(1, 101));
  });

  it('reaches the accept of a user deleted since, above the largest pk left, and then stops', async () => {
    const { clock, folded, batch, log } = setup(10);
    await batch([25]);
    for (let t = 0; t < 30; t++) {
      clock.now += 1000;
      await batch([]);
    }
    expect(folded).toEqual([25]);
    // Nothing is left to fold, so no sweep keeps starting.
    expect(log.hasUnfolded()).toBe(false);
  });

  it('deletes folded rows faster than batches of thousands of accepts append them', async () => {
    const { clock, batch, rows } = setup(3000);
    const sizes: number[] = [];
    for (let i = 0; i < 120; i++) {
      await batch(range(1, 3001));
      clock.now += 250;
      sizes.push(rows());
    }
    // Two sweeps' worth of rows at most, and no growth from one sweep to the next.
    expect(Math.max(...sizes)).toBeLessThan(3 * 3000 * 40);
    expect(Math.max(...sizes.slice(80))).toBeLessThanOrEqual(Math.max(...sizes.slice(40, 80)));
  });
});
