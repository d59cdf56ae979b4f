import { describe, expect, it } from 'vitest';
import { totpCodeAt } from '../testing/totp-code';
import { RFC4226_CODES, RFC4226_SECRET } from '../testing/rfc-vectors';
import { matchingStep, normalizeTotpCode, stepAt } from './totp';

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

  it('takes the latest step of the window when two share the code', () => {
    // Steps 57766335 and 57766336 of the RFC secret share the code 251166 (found by a search).
    const shared = 57_766_335;
    expect(codeAt(shared)).toBe('251166');
    expect(codeAt(shared + 1)).toBe('251166');
    for (const now of [shared, shared + 1, shared + 2])
      expect(matchingStep(RFC_SECRET, '251166', now * 30_000, 1)).toBe(shared + 1);
    expect(matchingStep(RFC_SECRET, '251166', (shared - 1) * 30_000, 1)).toBe(shared);
  });

  it('normalises typed codes', () => {
    expect(normalizeTotpCode(' 123 456 ')).toBe('123456');
    expect(normalizeTotpCode('12345')).toBeNull();
    expect(normalizeTotpCode('12a456')).toBeNull();
  });
});
