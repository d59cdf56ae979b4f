import { createHmac, timingSafeEqual } from 'node:crypto';
import { dynamicTruncation } from '../core/otp';

/** Server-side TOTP parameters: RFC 6238 defaults, the ones every authenticator app supports. */
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_SECRET_BYTES = 20;

const counterBuffer = Buffer.alloc(8);

/** RFC 4226 HOTP with HMAC-SHA-1, through node:crypto (the verify hot path computes up to 2w+1 of these). */
export function hotpSha1(secret: Buffer, counter: number): string {
  counterBuffer.writeUInt32BE(Math.floor(counter / 0x1_0000_0000), 0);
  counterBuffer.writeUInt32BE(counter >>> 0, 4);
  const mac = createHmac('sha1', secret).update(counterBuffer).digest();
  const value = dynamicTruncation(mac) % 10 ** TOTP_DIGITS;
  return value.toString().padStart(TOTP_DIGITS, '0');
}

export function stepAt(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The time step whose code equals `code`, searching now first, then outwards up to `window`
 * steps either side, or null. Codes are compared in constant time; stopping at the first match
 * only tells how far the caller's clock is off, which is no secret, and saves the HMACs of the
 * other steps on the hot path.
 */
export function matchingStep(
  secret: Buffer,
  code: string,
  nowMs: number,
  window: number,
): number | null {
  const now = stepAt(nowMs);
  const given = Buffer.from(code);
  for (let distance = 0; distance <= window; distance++) {
    for (const step of distance === 0 ? [now] : [now - distance, now + distance]) {
      const expected = Buffer.from(hotpSha1(secret, step));
      if (expected.length === given.length && timingSafeEqual(expected, given)) return step;
    }
  }
  return null;
}

/** A TOTP code as typed: digits with optional spaces; null when it is not one. */
export function normalizeTotpCode(input: string): string | null {
  const digits = input.replace(/\s/g, '');
  return /^\d+$/.test(digits) && digits.length === TOTP_DIGITS ? digits : null;
}
