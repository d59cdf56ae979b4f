import { Secret } from 'otpauth';
import { TesseraError } from './errors';

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4226 asks for at least 128 bits; shorter secrets work but deserve a warning. */
export const RECOMMENDED_SECRET_BITS = 128;

/**
 * Normalises what people paste: spaces, dashes, lower case and trailing padding are tolerated.
 * Any length is accepted, as other authenticators read it: the bits after the last whole byte are
 * ignored when the key is decoded. Only an empty secret or a character outside the base32
 * alphabet is refused. Returns upper-case unpadded base32 or throws INVALID_SECRET.
 */
export function normalizeBase32Secret(input: string): string {
  const cleaned = input.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
  if (cleaned.length === 0) {
    throw new TesseraError('INVALID_SECRET', 'Enter the secret key.', [
      { path: ['secret'], message: 'Enter the secret key.' },
    ]);
  }
  const bad = [...cleaned].find((ch) => !BASE32_ALPHABET.includes(ch));
  if (bad !== undefined) {
    const message = `The secret key is not valid base32: "${bad === '=' ? '=' : 'a character'}" is not allowed (use A–Z and 2–7).`;
    throw new TesseraError('INVALID_SECRET', message, [{ path: ['secret'], message }]);
  }
  return cleaned;
}

export function base32Bits(normalized: string): number {
  return Math.floor((normalized.length * 5) / 8) * 8;
}

export function isWeakSecret(normalized: string): boolean {
  return base32Bits(normalized) < RECOMMENDED_SECRET_BITS;
}

export function base32ToBytes(normalized: string): Uint8Array {
  return new Uint8Array(Secret.fromBase32(normalized).buffer);
}

export function bytesToBase32(bytes: Uint8Array): string {
  return new Secret({ buffer: bytes.slice().buffer }).base32;
}
