import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TesseraError } from './errors';
import { formatRecoveryCodes, normalizeRecoveryCode, parseRecoveryCodes } from './recovery-codes';

const CODES = ['abcd-efgh', 'ijkl-mnop', 'qrst-uvwx'];

describe('recovery-code parsing', () => {
  it.each([
    ['one per line', 'abcd-efgh\nijkl-mnop\r\nqrst-uvwx\n'],
    ['numbered with dots', '1. abcd-efgh\n2. ijkl-mnop\n3. qrst-uvwx'],
    ['numbered with parentheses', '1) abcd-efgh\n 2) ijkl-mnop\n10) qrst-uvwx'],
    ['separated by spaces', 'abcd-efgh  ijkl-mnop\tqrst-uvwx'],
    ['separated by commas', 'abcd-efgh, ijkl-mnop,qrst-uvwx'],
    ['in columns with blank lines', '\n1. abcd-efgh    2. ijkl-mnop\n\n3. qrst-uvwx\n'],
  ])('reads codes %s', (_layout, text) => {
    expect(parseRecoveryCodes(text)).toEqual(CODES);
  });

  it('keeps codes grouped with dashes whole and plain digit codes as they are', () => {
    expect(parseRecoveryCodes('1234-5678-9012\n87654321')).toEqual(['1234-5678-9012', '87654321']);
  });

  it('refuses what is not a code, naming the line but never the text', () => {
    let error: unknown;
    try {
      parseRecoveryCodes('abcd-efgh\nsecret!code');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TesseraError);
    expect((error as TesseraError).code).toBe('VALIDATION_FAILED');
    expect((error as TesseraError).message).toContain('Line 2');
    expect((error as TesseraError).message).not.toContain('secret!code');
    expect(() => parseRecoveryCodes('  \n ')).toThrow(/Paste the recovery codes/);
    expect(() => parseRecoveryCodes('ab')).toThrow(/Line 1/);
  });

  it('normalises case, spaces and dashes for comparison', () => {
    expect(normalizeRecoveryCode('ABCD-efgh')).toBe(normalizeRecoveryCode('abcdefgh'));
  });

  it('parse(format(codes)) == codes', () => {
    const chunk = fc.stringMatching(/^[a-zA-Z0-9]{2,8}$/);
    const code = fc
      .array(chunk, { minLength: 1, maxLength: 4 })
      .map((parts) => parts.join('-'))
      .filter((c) => c.length >= 4 && c.length <= 64);
    fc.assert(
      fc.property(fc.array(code, { minLength: 1, maxLength: 100 }), (codes) => {
        expect(parseRecoveryCodes(formatRecoveryCodes(codes))).toEqual(codes);
      }),
    );
  });
});
