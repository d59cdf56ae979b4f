import { afterEach, describe, expect, it, vi } from 'vitest';
import { RFC4226_CODES, RFC4226_SECRET } from '../testing/rfc-vectors';
import { totpCodeAt } from '../testing/totp-code';
import { createCodesAhead, type AheadCodes, type CodesAhead } from './codes-ahead';
import { matchingStep, noRecentCodes } from './totp';

const RFC_SECRET = Buffer.from(RFC4226_SECRET);
const OTHER_SECRET = Buffer.from('an entirely different');

// A period as long as the time since 1970: "now" is step 1 for the whole test, so the worker
// computes steps 0 to 3, where RFC 4226 has its test vectors.
const periodMs = Date.now();

const code = (handle: AheadCodes, step: number) => {
  const value = handle.truncatedAt(step);
  return value === undefined ? undefined : String(value % 1_000_000).padStart(6, '0');
};

// Starting a worker can take a while on a busy machine.
const ready = { timeout: 10_000 };

let running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.map((r) => r.stop()));
  running = [];
});

function started(period = periodMs): CodesAhead {
  const ahead = createCodesAhead();
  running.push(ahead.start({ periodMs: period }));
  return ahead;
}

describe('codes computed ahead', () => {
  it('holds the RFC 4226 values of the steps around now, and nothing else', async () => {
    const handle = started().track(RFC_SECRET)!;
    await vi.waitFor(() => expect(handle.truncatedAt(0)).toBeDefined(), ready);
    expect([0, 1, 2, 3].map((step) => code(handle, step))).toEqual(RFC4226_CODES.slice(0, 4));
    expect(handle.truncatedAt(-1)).toBeUndefined();
    expect(handle.truncatedAt(4)).toBeUndefined();
  });

  it('gives a released slot to the next factor without mixing their codes', async () => {
    const ahead = started();
    const first = ahead.track(RFC_SECRET)!;
    await vi.waitFor(() => expect(first.truncatedAt(1)).toBeDefined(), ready);
    first.release();
    first.release();
    const second = ahead.track(OTHER_SECRET)!;
    const third = ahead.track(RFC_SECRET)!;
    await vi.waitFor(() => expect(third.truncatedAt(1)).toBeDefined(), ready);
    expect(first.truncatedAt(1)).toBeUndefined();
    expect(code(second, 2)).toBe(totpCodeAt(OTHER_SECRET, 2));
    expect(code(third, 2)).toBe(RFC4226_CODES[2]);
  });

  it('forgets every factor at once, and tracks new ones after', async () => {
    const ahead = started();
    const before = ahead.track(RFC_SECRET)!;
    await vi.waitFor(() => expect(before.truncatedAt(1)).toBeDefined(), ready);
    ahead.releaseAll();
    const after = ahead.track(OTHER_SECRET)!;
    await vi.waitFor(() => expect(after.truncatedAt(1)).toBeDefined(), ready);
    expect(before.truncatedAt(1)).toBeUndefined();
    // A handle from before gives back nothing: its slot is someone else's now.
    before.release();
    const next = ahead.track(RFC_SECRET)!;
    await vi.waitFor(() => expect(next.truncatedAt(3)).toBeDefined(), ready);
    expect(code(after, 3)).toBe(totpCodeAt(OTHER_SECRET, 3));
    expect(code(next, 3)).toBe(RFC4226_CODES[3]);
  });

  it('tracks nothing without a worker, and forgets what it tracked once the worker stopped', async () => {
    const ahead = createCodesAhead();
    expect(ahead.track(RFC_SECRET)).toBeUndefined();
    const worker = ahead.start({ periodMs });
    expect(() => ahead.start({ periodMs })).toThrow(/already running/);
    const handle = ahead.track(RFC_SECRET)!;
    await vi.waitFor(() => expect(handle.truncatedAt(0)).toBeDefined(), ready);
    await worker.stop();
    expect(handle.truncatedAt(0)).toBeUndefined();
    expect(ahead.track(RFC_SECRET)).toBeUndefined();
    // Started again, it begins from an empty table.
    running.push(ahead.start({ periodMs }));
    const again = ahead.track(OTHER_SECRET)!;
    await vi.waitFor(() => expect(again.truncatedAt(0)).toBeDefined(), ready);
    expect(code(again, 0)).toBe(totpCodeAt(OTHER_SECRET, 0));
  });

  it('shifts every slot by one step when the step changes', async () => {
    // Two-second steps: the test waits for one change.
    const ahead = started(2000);
    const handle = ahead.track(RFC_SECRET)!;
    const now = () => Math.floor(Date.now() / 2000);
    // "Now" as of the slot's first fill: read again each try, as a step may change before it.
    let first = now();
    await vi.waitFor(() => {
      first = now();
      expect(handle.truncatedAt(first - 1)).toBeDefined();
    }, ready);
    await vi.waitFor(() => expect(handle.truncatedAt(first + 3)).toBeDefined(), ready);
    const steps = [first, first + 1, first + 2, first + 3];
    expect(steps.map((step) => code(handle, step))).toEqual(
      steps.map((step) => totpCodeAt(RFC_SECRET, step)),
    );
    expect(handle.truncatedAt(first - 1)).toBeUndefined();
  });

  it('grows the table past its first slots', async () => {
    const ahead = started();
    const handles = Array.from({ length: 16_385 }, () => ahead.track(RFC_SECRET)!);
    const last = handles.at(-1)!;
    await vi.waitFor(() => expect(last.truncatedAt(1)).toBeDefined(), ready);
    expect(code(last, 1)).toBe(RFC4226_CODES[1]);
    expect(code(handles[0]!, 1)).toBe(RFC4226_CODES[1]);
  });

  it('is what a verify matches against, when it has the step', async () => {
    const handle = started().track(RFC_SECRET)!;
    await vi.waitFor(() => expect(handle.truncatedAt(0)).toBeDefined(), ready);
    // Given the wrong secret, only the worker's codes can match: they were used.
    const recent = { ...noRecentCodes(), ahead: handle };
    expect(matchingStep(OTHER_SECRET, RFC4226_CODES[2], 2 * 30_000, 1, recent)).toBe(2);
    // Past what it holds, the verify computes the code from the secret it was given.
    expect(matchingStep(OTHER_SECRET, totpCodeAt(OTHER_SECRET, 9), 9 * 30_000, 0, recent)).toBe(9);
  });
});
