import { describe, expect, it } from 'vitest';
import { hotpCode } from '../core/otp';
import { RFC4226_CODES, RFC4226_SECRET } from '../testing/rfc-vectors';
import { hotpSha1, matchingStep, normalizeTotpCode, stepAt } from './totp';

const RFC_SECRET = Buffer.from(RFC4226_SECRET);

describe('server-side TOTP', () => {
  it('matches the RFC 4226 vectors and the app core', () => {
    RFC4226_CODES.forEach((code, counter) => expect(hotpSha1(RFC_SECRET, counter)).toBe(code));
    for (const counter of [0, 1, 2 ** 32 + 5, 56_666_666]) {
      expect(hotpSha1(RFC_SECRET, counter)).toBe(
        hotpCode(new Uint8Array(RFC_SECRET), counter, 'SHA1', 6),
      );
    }
  });

  it('matches RFC 6238 (SHA-1, last 6 digits) at its test times', () => {
    const vectors: [number, string][] = [
      [59, '287082'],
      [1111111109, '081804'],
      [1234567890, '005924'],
      [2000000000, '279037'],
    ];
    for (const [seconds, code] of vectors)
      expect(hotpSha1(RFC_SECRET, stepAt(seconds * 1000))).toBe(code);
  });

  it('finds the step within the window only', () => {
    const now = 1_700_000_000_000;
    const step = stepAt(now);
    expect(matchingStep(RFC_SECRET, hotpSha1(RFC_SECRET, step), now, 1)).toBe(step);
    expect(matchingStep(RFC_SECRET, hotpSha1(RFC_SECRET, step - 1), now, 1)).toBe(step - 1);
    expect(matchingStep(RFC_SECRET, hotpSha1(RFC_SECRET, step + 1), now, 1)).toBe(step + 1);
    expect(matchingStep(RFC_SECRET, hotpSha1(RFC_SECRET, step + 2), now, 1)).toBeNull();
    expect(matchingStep(RFC_SECRET, hotpSha1(RFC_SECRET, step + 2), now, 2)).toBe(step + 2);
    expect(matchingStep(RFC_SECRET, hotpSha1(RFC_SECRET, step - 1), now, 0)).toBeNull();
  });

  it('normalises typed codes', () => {
    expect(normalizeTotpCode(' 123 456 ')).toBe('123456');
    expect(normalizeTotpCode('12345')).toBeNull();
    expect(normalizeTotpCode('12a456')).toBeNull();
  });
});
