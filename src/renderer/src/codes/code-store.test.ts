import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountCode } from '../../../shared/account';
import { CodeStore } from './code-store';

const PERIOD = 30_000;

/** A fake main: codes named after their step, so rollovers are easy to see. */
function fakeMain(clock: () => number) {
  const calls: string[][] = [];
  const fetchCodes = async (ids: string[]): Promise<AccountCode[]> => {
    calls.push(ids);
    const step = Math.floor(clock() / PERIOD);
    return ids.map((id) => ({
      id,
      current: `${id}@${step}`,
      next: `${id}@${step + 1}`,
      validFrom: step * PERIOD,
      validUntil: (step + 1) * PERIOD,
    }));
  };
  return { calls, fetchCodes };
}

describe('CodeStore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(10 * PERIOD + 1_000);
    // performance.now is used only for measuring; keep it real.
  });
  afterEach(() => vi.useRealTimers());

  it('fetches once for every row that subscribes in the same task', async () => {
    const main = fakeMain(Date.now);
    const store = new CodeStore(main.fetchCodes);
    store.subscribeCode('a', () => undefined);
    store.subscribeCode('b', () => undefined);
    await vi.advanceTimersByTimeAsync(1);
    expect(main.calls).toEqual([['a', 'b']]);
    expect(store.getCode('a')?.current).toBe('a@10');
  });

  it('ticks every second without fetching, and rolls over to the known next code', async () => {
    const main = fakeMain(Date.now);
    const store = new CodeStore(main.fetchCodes);
    let ticks = 0;
    store.subscribeTick(() => ticks++);
    const seen: (string | undefined)[] = [];
    store.subscribeCode('a', () => seen.push(store.getCode('a')?.current));
    await vi.advanceTimersByTimeAsync(1);
    store.start();

    await vi.advanceTimersByTimeAsync(28_000); // still inside step 10
    expect(ticks).toBeGreaterThanOrEqual(27); // one per wall-clock second
    expect(main.calls).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(1_100); // crosses into step 11
    expect(seen).toContain('a@11');
    expect(main.calls).toHaveLength(2); // one refresh per rollover, for the mounted row only
    expect(store.getCode('a')).toMatchObject({ current: 'a@11', next: 'a@12' });
    store.stop();
  });

  it('reports a failing fetch once and keeps retrying', async () => {
    const onError = vi.fn();
    let fail = true;
    const store = new CodeStore(
      async (ids) => {
        if (fail) throw new Error('down');
        return fakeMain(Date.now).fetchCodes(ids);
      },
      { onError },
    );
    store.subscribeCode('a', () => undefined);
    store.start();
    await vi.advanceTimersByTimeAsync(3_500);
    expect(onError).toHaveBeenCalledTimes(1);
    fail = false;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(store.getCode('a')?.current).toBe('a@10');
    store.stop();
  });
});
