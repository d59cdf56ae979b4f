/**
 * Pks below this go into the array: 8 MB of slots at most, for a million users. Larger ones (a
 * sparse database), and negative ones, go to the Map.
 */
const DENSE_LIMIT = 1 << 20;

/**
 * Values by user pk, for per-user state the server keeps for every active user. Pks are dense
 * (the app takes max + 1), so an array holds them: it grows by copying its slots, where a Map
 * rehashes every entry each time it doubles (5 ms and more at 100,000 users, and a server meets
 * each doubling in its first minutes under load, in its latency tail). Users verify in any
 * order, so the array takes the largest pk seen at once, up to its limit.
 */
export class PkIndex<V extends object> {
  private readonly dense: (V | undefined)[] = [];
  private readonly sparse = new Map<number, V>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(pk: number): V | undefined {
    return isDense(pk) ? this.dense[pk] : this.sparse.get(pk);
  }

  /** Adds or replaces the value of `pk`. */
  set(pk: number, value: V): void {
    if (!isDense(pk)) {
      if (!this.sparse.has(pk)) this.count++;
      this.sparse.set(pk, value);
      return;
    }
    // One slot at a time, so that the array stays a packed one rather than a dictionary.
    while (this.dense.length <= pk) this.dense.push(undefined);
    if (this.dense[pk] === undefined) this.count++;
    this.dense[pk] = value;
  }

  /** Removes every value `drop` says to. */
  deleteWhere(drop: (value: V) => boolean): void {
    for (let pk = 0; pk < this.dense.length; pk++) {
      const value = this.dense[pk];
      if (value !== undefined && drop(value)) {
        this.dense[pk] = undefined;
        this.count--;
      }
    }
    for (const [pk, value] of this.sparse) {
      if (drop(value)) {
        this.sparse.delete(pk);
        this.count--;
      }
    }
  }
}

function isDense(pk: number): boolean {
  return Number.isInteger(pk) && pk >= 0 && pk < DENSE_LIMIT;
}
