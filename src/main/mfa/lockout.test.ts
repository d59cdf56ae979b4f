import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import {
  HARD_LOCK_FAILURES,
  LOCKED_UNTIL_ADMIN,
  LOCKED_UNTIL_SQL,
  lockedUntilAfter,
} from './lockout';

describe('lockout arithmetic', () => {
  it('locks at maxFailures for 30 s, doubles to 1 h, and needs an admin at 100', () => {
    const now = 1_000_000;
    expect(lockedUntilAfter(4, 5, now)).toBeNull();
    expect(lockedUntilAfter(5, 5, now)).toBe(now + 30_000);
    expect(lockedUntilAfter(6, 5, now)).toBe(now + 60_000);
    expect(lockedUntilAfter(11, 5, now)).toBe(now + 1_920_000);
    expect(lockedUntilAfter(12, 5, now)).toBe(now + 3_600_000);
    expect(lockedUntilAfter(99, 5, now)).toBe(now + 3_600_000);
    expect(lockedUntilAfter(HARD_LOCK_FAILURES, 5, now)).toBe(LOCKED_UNTIL_ADMIN);
  });

  it('the SQL expression in the conditional UPDATE computes the same as the function', () => {
    const db = new Database(':memory:');
    const expr = db
      .prepare(`SELECT ${LOCKED_UNTIL_SQL} AS v FROM (SELECT :failures AS failures)`)
      .pluck();
    for (const max of [1, 3, 5, 10, 100]) {
      for (let failures = 0; failures < 105; failures++) {
        expect(expr.get({ failures, max, now: 7_000 }), `${failures}/${max}`).toBe(
          lockedUntilAfter(failures + 1, max, 7_000),
        );
      }
    }
  });
});
