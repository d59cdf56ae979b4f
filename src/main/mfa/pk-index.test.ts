import { describe, expect, it } from 'vitest';
import { PkIndex } from './pk-index';

const v = (n: number) => ({ n });
const FAR = (1 << 20) + 10;

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

  it('keeps pks past a million, and negative ones, too: found, replaced, counted', () => {
    const index = new PkIndex<{ n: number }>();
    for (const pk of [FAR, -1, 0, FAR]) index.set(pk, v(pk));
    expect([index.get(FAR)?.n, index.get(-1)?.n, index.get(0)?.n]).toEqual([FAR, -1, 0]);
    expect(index.get(FAR + 1)).toBeUndefined();
    expect(index.size).toBe(3);
  });

  it('keeps pks spaced far apart without growing past its limit', () => {
    const index = new PkIndex<{ n: number }>();
    // At one array slot per pk up to the largest, this would be 200 million slots.
    for (let k = 1; k <= 3000; k++) index.set(k * 65_000, v(k));
    expect(index.get(3000 * 65_000)?.n).toBe(3000);
    expect(index.get(65_000)?.n).toBe(1);
    expect(index.size).toBe(3000);
  });

  it('deletes what it is told to, in the array or the map', () => {
    const index = new PkIndex<{ n: number }>();
    for (const pk of [1, 2, 3, FAR, -3]) index.set(pk, v(Math.abs(pk) % 2));
    index.deleteWhere((value) => value.n === 1);
    expect([1, 2, 3, FAR, -3].map((pk) => index.get(pk) !== undefined)).toEqual([
      false,
      true,
      false,
      true,
      false,
    ]);
    expect(index.size).toBe(2);
    index.set(1, v(7));
    expect(index.get(1)?.n).toBe(7);
    expect(index.size).toBe(3);
  });
});
