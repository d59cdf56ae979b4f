/**
 * Lockout arithmetic (NIST SP 800-63B 5.2.2): after `maxFailures` consecutive failures the factor
 * locks for 30 s, doubling with each further failure up to 1 h; at 100 consecutive failures it
 * stays locked until an admin unlocks it. Attempts while locked are refused without counting.
 */
export const BASE_LOCK_SECONDS = 30;
export const MAX_LOCK_SECONDS = 3600;
export const HARD_LOCK_FAILURES = 100;
/** `locked_until` of a lock only an admin can lift (9999-12-31T23:59:59Z). */
export const LOCKED_UNTIL_ADMIN = 253_402_300_799_000;
/** 30 << 7 = 3840 > 3600: the shift never needs to grow past this. */
const MAX_SHIFT = 7;

/** When a factor with `failures` consecutive failures (after counting this one) is locked until, or null. */
export function lockedUntilAfter(
  failures: number,
  maxFailures: number,
  nowMs: number,
): number | null {
  if (failures >= HARD_LOCK_FAILURES) return LOCKED_UNTIL_ADMIN;
  if (failures < maxFailures) return null;
  const seconds = Math.min(
    MAX_LOCK_SECONDS,
    BASE_LOCK_SECONDS << Math.min(failures - maxFailures, MAX_SHIFT),
  );
  return nowMs + seconds * 1000;
}

/**
 * The same rule as one SQL expression over the row's old `failures`, so counting a failure and
 * locking happen in the one conditional UPDATE (parameters :now and :max).
 */
export const LOCKED_UNTIL_SQL = `CASE
  WHEN failures + 1 >= ${HARD_LOCK_FAILURES} THEN ${LOCKED_UNTIL_ADMIN}
  WHEN failures + 1 >= :max THEN :now + 1000 * min(${MAX_LOCK_SECONDS}, ${BASE_LOCK_SECONDS} << min(failures + 1 - :max, ${MAX_SHIFT}))
  ELSE NULL END`;

export function isLocked(lockedUntil: number | null, nowMs: number): boolean {
  return lockedUntil !== null && lockedUntil > nowMs;
}

export function retryAfterSeconds(lockedUntil: number, nowMs: number): number {
  return Math.max(1, Math.ceil((lockedUntil - nowMs) / 1000));
}
