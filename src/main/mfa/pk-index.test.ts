import { describe, expect, it } from 'vitest';
import { PkIndex } from './pk-index';

const v = (n: number) => ({ n });

describe('values by pk', () => {
  it('keeps, replaces and counts values in any order of pks', () => {
    const index = new PkIndex<{ n: number }>();
    for (const pk of [5, 1, 3, 5]) index.set(pk, v(pk * 10));
    expect([1, 2, 3, 4, 5].map((pk) => index.get(pk)?.n)).toEqual([
      10,
      undefined,
      30,
      undefined,
      50,
    ]);
    expect(index.size).toBe(3);
  });

  it('puts a pk far past the others aside, and still finds it once the others reach it', () => {
    const index = new PkIndex<{ n: number }>();
    index.set(1, v(1));
    const far = 1 + 1024 + 10;
    index.set(far, v(2));
    // The dense part grows up to and past the far pk: its value is not hidden or duplicated.
    for (let pk = 2; pk <= far + 5; pk++) if (pk !== far) index.set(pk, v(3));
    expect(index.get(far)?.n).toBe(2);
    index.set(far, v(4));
    expect(index.get(far)?.n).toBe(4);
    expect(index.size).toBe(far + 5);
    expect(index.get(far + 6)).toBeUndefined();
  });

  it('keeps pks spaced far apart without growing the array by their gaps', () => {
    const index = new PkIndex<{ n: number }>();
    // At one array slot per pk up to the largest, this would be 200 million slots.
    for (let k = 1; k <= 3000; k++) index.set(k * 65_000, v(k));
    expect(index.get(3000 * 65_000)?.n).toBe(3000);
    expect(index.get(65_000)?.n).toBe(1);
    expect(index.size).toBe(3000);
  });

  it('keeps pks that are no array index (negative) aside, and deletes them too', () => {
    const index = new PkIndex<{ n: number }>();
    index.set(-1, v(1));
    index.set(0, v(0));
    expect([index.get(-1)?.n, index.get(0)?.n, index.size]).toEqual([1, 0, 2]);
    index.deleteWhere(() => true);
    expect([index.get(-1), index.get(0), index.size]).toEqual([undefined, undefined, 0]);
  });

  it('deletes what it is told to, dense or set aside', () => {
    const index = new PkIndex<{ n: number }>();
    const far = 10 + 1024 + 1;
    for (const pk of [1, 2, 3, far]) index.set(pk, v(pk % 2));
    index.deleteWhere((value) => value.n === 1);
    expect([1, 2, 3, far].map((pk) => index.get(pk) !== undefined)).toEqual([
      false,
      true,
      false,
      false,
    ]);
    expect(index.size).toBe(1);
    index.set(1, v(7));
    expect(index.get(1)?.n).toBe(7);
    expect(index.size).toBe(2);
  });
});
