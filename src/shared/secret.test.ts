import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TesseraError } from './errors';
import {
  base32Bits,
  base32ToBytes,
  bytesToBase32,
  isWeakSecret,
  normalizeBase32Secret,
} from './secret';

describe('normalizeBase32Secret', () => {
  it('tolerates spaces, dashes, lower case and padding', () => {
    expect(normalizeBase32Secret(' jbsw y3dp-ehpk 3pxp== ')).toBe('JBSWY3DPEHPK3PXP');
  });

  it.each([
    ['', 'Enter the secret key.'],
    ['   ', 'Enter the secret key.'],
    ['JBSWY3DPEHPK3PX1', 'not valid base32'],
    ['JBSWY3DPEHPK3PX!', 'not valid base32'],
    ['JBSW=Y3DP', 'not valid base32'],
  ])('refuses %j with a field error', (input, message) => {
    const error = (() => {
      try {
        normalizeBase32Secret(input);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TesseraError);
    expect((error as TesseraError).code).toBe('INVALID_SECRET');
    expect((error as TesseraError).message).toContain(message);
    expect((error as TesseraError).fields?.[0]?.path).toEqual(['secret']);
  });

  it('accepts base32 of any length, as other apps do: trailing bits are ignored', () => {
    for (const input of [
      'A',
      'JBSWY3',
      'jbswy3d',
      'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQG',
      'JBSWY3DPE===',
    ]) {
      const normalized = normalizeBase32Secret(input);
      expect(normalized).toBe(input.toUpperCase().replace(/=+$/, ''));
      expect(base32ToBytes(normalized)).toHaveLength(Math.floor((normalized.length * 5) / 8));
    }
    // 'JBSWY3' holds 30 bits: three whole bytes, "Hel"; the six bits left over are dropped.
    expect(Buffer.from(base32ToBytes('JBSWY3')).toString('latin1')).toBe('Hel');
  });

  it('never echoes the secret in its message', () => {
    const secret = 'SECRETSECRET0ABC';
    try {
      normalizeBase32Secret(secret);
    } catch (e) {
      expect((e as Error).message).not.toContain('SECRET');
    }
  });

  it('flags secrets under 128 bits as weak', () => {
    expect(base32Bits('JBSWY3DPEHPK3PXP')).toBe(80);
    expect(isWeakSecret('JBSWY3DPEHPK3PXP')).toBe(true);
    expect(isWeakSecret('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')).toBe(false);
  });

  it('round-trips any bytes through base32', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (bytes) => {
        const encoded = bytesToBase32(bytes);
        expect(normalizeBase32Secret(encoded)).toBe(encoded);
        expect(Buffer.from(base32ToBytes(encoded))).toEqual(Buffer.from(bytes));
      }),
    );
  });
});
