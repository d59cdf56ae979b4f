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
    ['JBSWY3', 'impossible length'],
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
