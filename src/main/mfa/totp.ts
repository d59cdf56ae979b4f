import { createHmac } from 'node:crypto';
import { dynamicTruncation } from '../core/otp';

/** Server-side TOTP parameters: RFC 6238 defaults, the ones every authenticator app supports. */
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_SECRET_BYTES = 20;

const counterBuffer = Buffer.alloc(8);

/** RFC 4226 HMAC-SHA-1 of a counter, through node:crypto, truncated to 31 bits. */
function hotpTruncated(secret: Buffer, counter: number): number {
  counterBuffer.writeUInt32BE(Math.floor(counter / 0x1_0000_0000), 0);
  counterBuffer.writeUInt32BE(counter >>> 0, 4);
  return dynamicTruncation(createHmac('sha1', secret).update(counterBuffer).digest());
}

export function stepAt(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
}

const SIX_DIGITS = /^\d{6}$/;

/**
 * Codes are compared as numbers below 10^6: one comparison of two integers, with no early exit
 * at the first differing digit (what makes a string or byte-wise compare leak), and no string or
 * buffer built per candidate step.
 */
function codeAt(secret: Buffer, step: number, given: number): boolean {
  return ((hotpTruncated(secret, step) % 10 ** TOTP_DIGITS) ^ given) === 0;
}

/**
 * The latest time step of the window whose code equals `code` (6 digits, as `normalizeTotpCode`
 * returns it), or null. Another step of the window has the same code about once in 500,000
 * (window ±1); the latest is taken because accepting it spends every earlier one too, so two
 * uses of that code, even in parallel, cannot both succeed. Every step of the window is compared,
 * each without a digit-wise early exit.
 */
export function matchingStep(
  secret: Buffer,
  code: string,
  nowMs: number,
  window: number,
): number | null {
  if (!SIX_DIGITS.test(code)) return null;
  const now = stepAt(nowMs);
  const given = Number(code);
  let latest: number | null = null;
  for (let step = now - window; step <= now + window; step++) {
    if (codeAt(secret, step, given)) latest = step;
  }
  return latest;
}

/** A TOTP code as typed: digits with optional spaces; null when it is not one. */
export function normalizeTotpCode(input: string): string | null {
  const digits = input.replace(/\s/g, '');
  return /^\d+$/.test(digits) && digits.length === TOTP_DIGITS ? digits : null;
}
