import { createHmac } from 'node:crypto';
import { dynamicTruncation } from '../core/otp';
import type { AheadCodes } from './codes-ahead';

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
 * The codes of a factor's last few steps (its window and one more). Each is an HMAC, the
 * largest CPU cost of a verify, and an attempt computes up to 2 × window + 1 of them: a second
 * attempt within the window (the next step's code, a retry, a burst of wrong guesses) reuses
 * what the first computed. Kept in memory beside the secret they derive from, nowhere else.
 */
export interface RecentCodes {
  steps: number[];
  values: number[];
  /** The factor's codes a worker computes ahead (codes-ahead.ts), when one runs. */
  ahead?: AheadCodes;
}

export const noRecentCodes = (): RecentCodes => ({ steps: [], values: [] });

function valueAt(secret: Buffer, step: number, recent: RecentCodes, keep: number): number {
  // The worker's table first: with it the recent codes are not even read (fewer cache misses).
  const ahead = recent.ahead?.truncatedAt(step);
  if (ahead !== undefined) return ahead % 10 ** TOTP_DIGITS;
  const index = recent.steps.indexOf(step);
  if (index >= 0) return recent.values[index]!;
  const value = hotpTruncated(secret, step) % 10 ** TOTP_DIGITS;
  while (recent.steps.length >= keep) {
    recent.steps.shift();
    recent.values.shift();
  }
  recent.steps.push(step);
  recent.values.push(value);
  return value;
}

/**
 * Codes are compared as numbers below 10^6: one comparison of two integers, with no early exit
 * at the first differing digit (what makes a string or byte-wise compare leak), and no string or
 * buffer built per candidate step.
 */
function codeAt(
  secret: Buffer,
  step: number,
  recent: RecentCodes,
  keep: number,
  given: number,
): boolean {
  return (valueAt(secret, step, recent, keep) ^ given) === 0;
}

/**
 * The latest time step of the window whose code equals `code` (6 digits, as `normalizeTotpCode`
 * returns it), or null. Another step of the window has the same code about once in 500,000
 * (window ±1); the latest is taken because accepting it spends every earlier one too, so two
 * uses of that code, even in parallel, cannot both succeed. Every step of the window is compared,
 * in step order (so the kept codes age in step order), each without a digit-wise early exit.
 */
export function matchingStep(
  secret: Buffer,
  code: string,
  nowMs: number,
  window: number,
  recent: RecentCodes = noRecentCodes(),
): number | null {
  if (!SIX_DIGITS.test(code)) return null;
  const now = stepAt(nowMs);
  const given = Number(code);
  // The whole window, and the step after it (the next one's window reaches it).
  const keep = 2 * window + 2;
  let latest: number | null = null;
  for (let step = now - window; step <= now + window; step++) {
    if (codeAt(secret, step, recent, keep, given)) latest = step;
  }
  return latest;
}

/** A TOTP code as typed: digits with optional spaces; null when it is not one. */
export function normalizeTotpCode(input: string): string | null {
  const digits = input.replace(/\s/g, '');
  return /^\d+$/.test(digits) && digits.length === TOTP_DIGITS ? digits : null;
}
