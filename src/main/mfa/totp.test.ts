import { describe, expect, it } from 'vitest';
import { totpCodeAt } from '../testing/totp-code';
import { RFC4226_CODES, RFC4226_SECRET } from '../testing/rfc-vectors';
import { matchingStep, noRecentCodes, normalizeTotpCode, stepAt } from './totp';

const RFC_SECRET = Buffer.from(RFC4226_SECRET);

const codeAt = (step: number) => totpCodeAt(RFC_SECRET, step);

describe('server-side TOTP', () => {
  it('accepts exactly the RFC 4226 vectors at their counters', () => {
    RFC4226_CODES.forEach((code, counter) => {
      expect(matchingStep(RFC_SECRET, code, counter * 30_000, 0)).toBe(counter);
      expect(matchingStep(RFC_SECRET, code, (counter + 5) * 30_000, 0)).toBeNull();
    });
    for (const counter of [2 ** 32 + 5, 56_666_666])
      expect(matchingStep(RFC_SECRET, codeAt(counter), counter * 30_000, 0)).toBe(counter);
  });

  it('matches RFC 6238 (SHA-1, last 6 digits) at its test times', () => {
    const vectors: [number, string][] = [
      [59, '287082'],
      [1111111109, '081804'],
      [1234567890, '005924'],
      [2000000000, '279037'],
    ];
    for (const [seconds, code] of vectors)
      expect(matchingStep(RFC_SECRET, code, seconds * 1000, 0)).toBe(stepAt(seconds * 1000));
  });

  it('never matches what is not six digits (the hot path compares numbers)', () => {
    // 000000 is a real code at some step; '' or 'abc' must not become it through Number().
    for (const code of ['', 'abcdef', '12345', '1234567', '-12345', ' 12345'])
      expect(matchingStep(RFC_SECRET, code, 1_700_000_000_000, 1_000_000)).toBeNull();
  });

  it('finds the step within the window only', () => {
    const now = 1_700_000_000_000;
    const step = stepAt(now);
    expect(matchingStep(RFC_SECRET, codeAt(step), now, 1)).toBe(step);
    expect(matchingStep(RFC_SECRET, codeAt(step - 1), now, 1)).toBe(step - 1);
    expect(matchingStep(RFC_SECRET, codeAt(step + 1), now, 1)).toBe(step + 1);
    expect(matchingStep(RFC_SECRET, codeAt(step + 2), now, 1)).toBeNull();
    expect(matchingStep(RFC_SECRET, codeAt(step + 2), now, 2)).toBe(step + 2);
    expect(matchingStep(RFC_SECRET, codeAt(step - 1), now, 0)).toBeNull();
  });

  it('keeps the codes of the last four steps it computed, and matches the same with them', () => {
    const now = 1_700_000_000_000;
    const step = stepAt(now);
    const recent = noRecentCodes();
    // The whole window computed, in step order, and kept.
    expect(matchingStep(RFC_SECRET, codeAt(step - 1), now, 1, recent)).toBe(step - 1);
    expect(recent.steps).toEqual([step - 1, step, step + 1]);
    // A wrong code tries the whole window, from what was kept.
    expect(matchingStep(RFC_SECRET, '000000', now, 1, recent)).toBeNull();
    expect(recent.steps).toEqual([step - 1, step, step + 1]);
    // The kept values are what is compared (an impossible one here stands for a wrong cache).
    const tampered = { steps: [...recent.steps], values: [...recent.values] };
    tampered.values[tampered.steps.indexOf(step)] = 1_000_000;
    expect(matchingStep(RFC_SECRET, codeAt(step), now, 0, tampered)).toBeNull();
    // Thirty seconds on, the results are those of a search without the kept codes.
    const later = now + 30_000;
    for (const offset of [-1, 0, 1])
      expect(matchingStep(RFC_SECRET, codeAt(step + 1 + offset), later, 1, recent)).toBe(
        matchingStep(RFC_SECRET, codeAt(step + 1 + offset), later, 1),
      );
    expect(recent.steps).toEqual([step - 1, step, step + 1, step + 2]);
    // A fifth step pushes out the oldest, which has left the window.
    expect(matchingStep(RFC_SECRET, codeAt(step + 3), later + 30_000, 1, recent)).toBe(step + 3);
    expect(recent.steps).toEqual([step, step + 1, step + 2, step + 3]);
  });

  it('takes the latest step of the window when two share the code', () => {
    const now = 1_700_000_000_000;
    const step = stepAt(now);
    // Two steps with one code (about once in 500,000), here by the kept codes.
    const recent = { steps: [step - 1, step, step + 1], values: [123456, 654321, 123456] };
    expect(matchingStep(RFC_SECRET, '123456', now, 1, recent)).toBe(step + 1);
    expect(matchingStep(RFC_SECRET, '654321', now, 1, recent)).toBe(step);
  });

  it('normalises typed codes', () => {
    expect(normalizeTotpCode(' 123 456 ')).toBe('123456');
    expect(normalizeTotpCode('12345')).toBeNull();
    expect(normalizeTotpCode('12a456')).toBeNull();
  });
});
