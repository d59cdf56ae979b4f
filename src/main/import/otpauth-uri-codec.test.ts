import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../shared/account';
import { TesseraError } from '../../shared/errors';
import { formatOtpauthUri, parseOtpauthUri } from '../../shared/otpauth-uri';
import { bytesToBase32 } from '../../shared/secret';

/** Labels as people type them: any printable text, trimmed, without control characters. */
const label = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom(...'abcXYZ09 :@.-_+%&?#/=é€😀'),
      fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }),
    ),
    maxLength: 40,
  })
  .map((s) =>
    [...s]
      .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
      .join('')
      .trim(),
  );

const draft: fc.Arbitrary<AccountDraft> = fc
  .record({
    issuer: label,
    name: label,
    secret: fc.uint8Array({ minLength: 10, maxLength: 64 }).map(bytesToBase32),
    kind: fc.constantFrom('totp', 'hotp', 'steam'),
    algorithm: fc.constantFrom('SHA1', 'SHA256', 'SHA512'),
    digits: fc.constantFrom(6, 7, 8),
    period: fc.integer({ min: 1, max: 86_400 }),
    counter: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  })
  .filter((r) => r.issuer !== '' || r.name !== '')
  .map(({ kind, ...r }) => ({
    issuer: r.issuer,
    name: r.name,
    secret: r.secret.replace(/=+$/, ''),
    type: kind as AccountDraft['type'],
    algorithm: r.algorithm as AccountDraft['algorithm'],
    digits: kind === 'steam' ? 5 : r.digits,
    period: kind === 'hotp' ? 30 : r.period,
    counter: kind === 'hotp' ? r.counter : 0,
  }));

describe('otpauth URI codec', () => {
  it('round-trips every account it can represent', () => {
    fc.assert(
      fc.property(draft, (account) => {
        expect(parseOtpauthUri(formatOtpauthUri(account))).toEqual(account);
      }),
      { numRuns: 1500 },
    );
  });

  it('never throws anything but a typed error on arbitrary input', () => {
    const input = fc.oneof(
      fc.string(),
      fc.string().map((s) => `otpauth://${s}`),
      fc
        .tuple(fc.constantFrom('totp', 'hotp', 'steam', 'x'), fc.string(), fc.string())
        .map(([t, l, q]) => `otpauth://${t}/${l}?${q}`),
      fc
        .tuple(fc.string(), fc.string(), fc.string(), fc.string())
        .map(
          ([l, s, d, p]) =>
            `otpauth://totp/${l}?secret=${s}&digits=${d}&period=${p}&algorithm=${l}`,
        ),
    );
    fc.assert(
      fc.property(input, (text) => {
        try {
          parseOtpauthUri(text);
        } catch (error) {
          if (!(error instanceof TesseraError)) throw error;
        }
      }),
      { numRuns: 3000 },
    );
  });
});
