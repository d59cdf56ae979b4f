/**
 * How far past the array's end a new pk may land and still go into it: this many, or as many as
 * there are entries, so that the array stays at most about twice as long as needed.
 */
const MIN_GAP = 1024;

/**
 * Values by user pk, for per-user state the server keeps for every active user. Pks are dense
 * (the app takes max + 1), so an array holds them: it grows by copying its slots, where a Map
 * rehashes every entry each time it doubles (5 ms and more at 100,000 users, and a server meets
 * each doubling in its first minutes under load, in its latency tail). A pk far past the others
 * (a sparse database), or one that is no index (negative), goes to a Map instead.
 */
export class PkIndex<V extends object> {
  private readonly dense: (V | undefined)[] = [];
  private readonly sparse = new Map<number, V>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(pk: number): V | undefined {
    const value = pk >= 0 && pk < this.dense.length ? this.dense[pk] : undefined;
    return value ?? (this.sparse.size > 0 ? this.sparse.get(pk) : undefined);
  }

  /** Adds or replaces the value of `pk`. */
  set(pk: number, value: V): void {
    if (this.sparse.has(pk)) {
      this.sparse.set(pk, value);
      return;
    }
    const index = Number.isInteger(pk) && pk >= 0;
    if (index && pk < this.dense.length) {
      if (this.dense[pk] === undefined) this.count++;
      this.dense[pk] = value;
      return;
    }
    this.count++;
    if (!index || pk - this.dense.length > Math.max(MIN_GAP, this.count)) {
      this.sparse.set(pk, value);
      return;
    }
    // One slot at a time, so that the array stays a packed one rather than a dictionary.
    while (this.dense.length < pk) this.dense.push(undefined);
    this.dense.push(value);
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
