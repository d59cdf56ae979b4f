import {
  BASE_LOCK_SECONDS,
  HARD_LOCK_FAILURES,
  LOCKED_UNTIL_ADMIN,
  MAX_LOCK_SECONDS,
} from '../../lockout';

/**
 * lockout.ts's `lockedUntilAfter` as one PostgreSQL expression over the row's old `failures`, so
 * a failure is counted and the lock engaged in the one UPDATE. `max` and `now` are the SQL of
 * the parameters holding maxFailures and the time (ms).
 */
export function lockedUntilSql(max: string, now: string): string {
  return `CASE
    WHEN failures + 1 >= ${HARD_LOCK_FAILURES} THEN ${LOCKED_UNTIL_ADMIN}::bigint
    WHEN failures + 1 >= ${max} THEN ${now} + 1000 * least(${MAX_LOCK_SECONDS},
      ${BASE_LOCK_SECONDS}::bigint << least(failures + 1 - ${max}, 7))
    ELSE NULL END`;
}
