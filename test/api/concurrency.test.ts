import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Served } from './support/cli';
import { freshUser, startFixture, type Fixture } from './support/fixture';
import { client, type Client } from './support/http';
import { codeAt, enrollUser } from './support/totp';

let f: Fixture;
let second: Served;
let a2: Client;
beforeAll(async () => {
  f = await startFixture();
  // A second server process on the same database file: the races that matter are between processes.
  second = await serve(f.store);
  a2 = client(second.url, f.clientA.key);
});
afterAll(async () => {
  await second?.stop();
  await f?.close();
});

const tally = (statuses: { status: number; body: { code?: string } }[]) => {
  const counts: Record<string, number> = {};
  for (const r of statuses) {
    const key = r.status === 200 ? 'ok' : (r.body.code ?? String(r.status));
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
};

describe('parallel attempts', () => {
  it('200 parallel verifies of one valid code: exactly 1 accepted', async () => {
    const u = await enrollUser(f.a, freshUser());
    const code = codeAt(u.secret, 1);
    const results = await Promise.all(
      Array.from({ length: 200 }, () => f.a.post(`/v1/users/${u.userId}/verify`, { code })),
    );
    expect(tally(results)).toEqual({ ok: 1, CODE_REPLAYED: 199 });
  });

  it('the same with two server processes on one database: exactly 1 accepted', async () => {
    const u = await enrollUser(f.a, freshUser());
    const code = codeAt(u.secret, 1);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        (i % 2 === 0 ? f.a : a2).post(`/v1/users/${u.userId}/verify`, { code }),
      ),
    );
    expect(tally(results)).toEqual({ ok: 1, CODE_REPLAYED: 199 });
  });

  it('50 parallel uses of one backup code (two processes): exactly 1 accepted', async () => {
    const u = await enrollUser(f.a, freshUser());
    const code = u.backupCodes[0];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 === 0 ? f.a : a2).post(`/v1/users/${u.userId}/verify`, { code }),
      ),
    );
    // The losers are wrong codes now, and they count: with maxFailures 5 the rest meet the lock.
    const counts = tally(results);
    expect(counts.ok).toBe(1);
    expect(counts.INVALID_CODE).toBe(5);
    expect(counts.LOCKED).toBe(44);
    expect((await f.a.get(`/v1/users/${u.userId}`)).body.mfa.backupCodesRemaining).toBe(9);
  });

  it('1,000 parallel wrong guesses (two processes): the lock engages exactly at the threshold', async () => {
    const u = await enrollUser(f.a, freshUser());
    const valid = new Set([
      codeAt(u.secret, -1),
      codeAt(u.secret, 0),
      codeAt(u.secret, 1),
      codeAt(u.secret, 2),
    ]);
    const guesses: string[] = [];
    for (let n = 0; guesses.length < 1000; n++) {
      const guess = String((n * 7919) % 1_000_000).padStart(6, '0');
      if (!valid.has(guess)) guesses.push(guess);
    }
    const results = await Promise.all(
      guesses.map((code, i) =>
        (i % 2 === 0 ? f.a : a2).post(`/v1/users/${u.userId}/verify`, { code }),
      ),
    );
    // Exactly five failures count before the lock. On a machine so busy that the 1,000 take
    // longer than the 30 s lock, a guess after it lapses counts once more and locks again at
    // once (attemptsRemaining 0): never two guesses for one place.
    const counts = tally(results);
    const remaining = results
      .filter((r) => r.body.code === 'INVALID_CODE')
      .map((r) => r.body.attemptsRemaining as number)
      .sort();
    const lapses = remaining.length - 5;
    expect(lapses).toBeGreaterThanOrEqual(0);
    expect(remaining).toEqual([...Array<number>(lapses).fill(0), 0, 1, 2, 3, 4]);
    expect(counts).toEqual({ INVALID_CODE: 5 + lapses, LOCKED: 995 - lapses });
    const user = (await f.a.get(`/v1/users/${u.userId}`)).body;
    expect(user.mfa.consecutiveFailures).toBe(counts.INVALID_CODE);
    expect(
      (await f.a.post(`/v1/users/${u.userId}/verify`, { code: codeAt(u.secret, 1) })).body.code,
    ).toBe('LOCKED');
  });
});
