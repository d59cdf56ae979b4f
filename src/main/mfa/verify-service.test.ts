import { afterEach, describe, expect, it } from 'vitest';
import { callerOf, type MfaServices } from './mfa-services';
import { openTempApp, type TempApp } from '../testing/temp-app';
import type { Caller } from './caller';
import { enrollTotp } from './testing/enroll';
import { stepAt } from './totp';
import { totpCodeAt } from '../testing/totp-code';
import { RFC4226_SECRET } from '../testing/rfc-vectors';

let temp: TempApp | undefined;
afterEach(() => temp?.dispose());

async function setup(start = Date.UTC(2030, 0, 1)): Promise<{
  s: MfaServices;
  caller: Caller;
  clock: { now: number };
  secret: Buffer;
}> {
  const clock = { now: start };
  temp = await openTempApp(() => clock.now);
  const s = temp.app.mfa;
  const created = await s.clients.create('unit', 'client');
  const caller = callerOf(await s.clients.authenticate(`Bearer ${created.key}`));
  await s.users.put(caller, 'u', {});
  const secret = await enrollTotp(s, caller, 'u', clock.now);
  return { s, caller, clock, secret };
}

const codeOf = (err: unknown) => (err as { code?: string }).code;

describe('lockout over time (injected clock)', () => {
  it('backs off 30 s, 60 s, 120 s ... and a success resets', async () => {
    const { s, caller, clock, secret } = await setup();
    const wrong = async () =>
      codeOf(await s.verify.verify(caller, 'u', '000000').catch((e: unknown) => e));
    for (let i = 0; i < 5; i++) expect(await wrong()).toBe('INVALID_CODE');
    expect(await wrong()).toBe('LOCKED');
    expect((await s.users.get(caller, 'u')).mfa.lockedUntil).toBe(
      new Date(clock.now + 30_000).toISOString(),
    );
    clock.now += 30_001;
    expect(await wrong()).toBe('INVALID_CODE'); // sixth failure: locked again, for 60 s
    expect((await s.users.get(caller, 'u')).mfa.lockedUntil).toBe(
      new Date(clock.now + 60_000).toISOString(),
    );
    clock.now += 60_001;
    expect(await wrong()).toBe('INVALID_CODE');
    expect((await s.users.get(caller, 'u')).mfa.lockedUntil).toBe(
      new Date(clock.now + 120_000).toISOString(),
    );
    clock.now += 120_001;
    const ok = await s.verify.verify(caller, 'u', totpCodeAt(secret, stepAt(clock.now)));
    expect(ok.method).toBe('totp');
    expect((await s.users.get(caller, 'u')).mfa).toMatchObject({
      consecutiveFailures: 0,
      lockedUntil: null,
    });
  });

  it('100 consecutive failures lock until an admin unlocks', async () => {
    const { s, caller, clock, secret } = await setup();
    for (let i = 0; i < 100; i++) {
      clock.now += 3_600_001; // past any timed lock
      expect(codeOf(await s.verify.verify(caller, 'u', '000000').catch((e: unknown) => e))).toBe(
        'INVALID_CODE',
      );
    }
    clock.now += 10 * 365 * 86_400_000;
    const locked = await s.verify
      .verify(caller, 'u', totpCodeAt(secret, stepAt(clock.now)))
      .catch((e: unknown) => e);
    expect(codeOf(locked)).toBe('LOCKED');
    expect((locked as { extras: { lockedUntil: unknown } }).extras.lockedUntil).toBeNull();
    await s.admin.unlock(caller.clientId, 'u', 'console');
    expect((await s.verify.verify(caller, 'u', totpCodeAt(secret, stepAt(clock.now)))).valid).toBe(
      true,
    );
  });

  it('attempts against one lock are audited once (verify.locked), a new lock once more', async () => {
    const { s, caller, clock } = await setup();
    const wrong = async () =>
      codeOf(await s.verify.verify(caller, 'u', '000000').catch((e: unknown) => e));
    for (let i = 0; i < 5; i++) await wrong();
    for (let i = 0; i < 4; i++) expect(await wrong()).toBe('LOCKED');
    clock.now += 30_001;
    expect(await wrong()).toBe('INVALID_CODE'); // locked again, for 60 s
    for (let i = 0; i < 3; i++) expect(await wrong()).toBe('LOCKED');
    const locked = await s.admin.audit({
      clientId: caller.clientId,
      userId: 'u',
      event: 'verify.locked',
      limit: 10,
    });
    expect(locked.items).toHaveLength(2);
  });

  it('wrong codes at enrollment confirm count as failures and lock', async () => {
    const { s, caller } = await setup();
    await s.users.put(caller, 'n', {});
    const start = await s.enrollment.start(caller, 'n', {}, false);
    const confirm = (code: string) =>
      s.enrollment.confirm(caller, 'n', start.enrollmentId, code).catch((e: unknown) => e);
    const first = await confirm('000000');
    expect(codeOf(first)).toBe('INVALID_CODE');
    expect((first as { extras: { attemptsRemaining: number } }).extras.attemptsRemaining).toBe(4);
    for (let i = 0; i < 4; i++) await confirm('000000');
    expect(codeOf(await confirm('000000'))).toBe('LOCKED');
    expect((await s.users.get(caller, 'n')).mfa.consecutiveFailures).toBe(5);
  });

  it('a pending enrollment expires after 10 minutes', async () => {
    const { s, caller, clock } = await setup();
    await s.users.put(caller, 'v', {});
    const start = await s.enrollment.start(caller, 'v', {}, false);
    clock.now += 10 * 60_000;
    const err = await s.enrollment
      .confirm(caller, 'v', start.enrollmentId, '123456')
      .catch((e: unknown) => e);
    expect(codeOf(err)).toBe('ENROLLMENT_EXPIRED');
    expect((await s.users.get(caller, 'v')).mfa.status).toBe('none');
  });
});

describe('another process changes the factor between the read and the decision', () => {
  it('another process resets and re-enrolls: the old code accepts nothing and counts once', async () => {
    const { s, caller, clock, secret: old } = await setup();
    // A second connection to the same database stands for another process.
    const other = (await temp!.openAnother()).mfa;
    await other.admin.resetMfa(caller.clientId, 'u', 'console');
    const fresh = await enrollTotp(other, caller, 'u', clock.now);
    clock.now += 30_000;
    // The old secret's code is wrong for the new factor: one failure, not two.
    const err = await s.verify
      .verify(caller, 'u', totpCodeAt(old, stepAt(clock.now)))
      .catch((e: unknown) => e);
    expect(codeOf(err)).toBe('INVALID_CODE');
    expect((await s.users.get(caller, 'u')).mfa.consecutiveFailures).toBe(1);
    const ok = await s.verify.verify(caller, 'u', totpCodeAt(fresh, stepAt(clock.now)));
    expect(ok.valid).toBe(true);
  });

  it('a user deleted and re-created elsewhere is not verified against the old row', async () => {
    const { s, caller, secret, clock } = await setup();
    const other = (await temp!.openAnother()).mfa;
    await other.users.delete(caller, 'u');
    await other.users.put(caller, 'u', {});
    const err = await s.verify
      .verify(caller, 'u', totpCodeAt(secret, stepAt(clock.now) + 1))
      .catch((e: unknown) => e);
    expect(codeOf(err)).toBe('NOT_ENROLLED');
  });
});

describe('a code that two steps of the window share', () => {
  /** Steps 57766335 and 57766336 of the RFC 4226 secret share the code 251166. */
  const SHARED = 57_766_335;
  const CODE = '251166';

  /** User 'w' enrolled with that secret (through the store: enrollment picks random secrets). */
  async function sharedCode(atStep: number) {
    const { s, caller, clock } = await setup(atStep * 30_000);
    const { store, keys } = s.core;
    await s.users.put(caller, 'w', {});
    const { pk } = (await store.read.user(caller.clientId, 'w'))!;
    const sealedSecret = keys.seal(Buffer.from(RFC4226_SECRET), 'f-w');
    await store.transaction(async (tx) => {
      await tx.putPending({
        id: 'f-w',
        userPk: pk,
        sealedSecret,
        expiresAt: clock.now + 60_000,
        createdAt: clock.now,
      });
      await tx.confirmEnrollment({
        pk,
        enrollmentId: 'f-w',
        sealedSecret,
        step: SHARED - 3,
        backupCodeHashes: [],
        now: clock.now,
      });
    });
    return { s, caller, clock };
  }
  const outcome = (p: Promise<unknown>) =>
    p.then(
      () => 'accepted',
      (e: unknown) => codeOf(e),
    );

  it('counts for the later step, so it is accepted once, not once per step', async () => {
    const { s, caller } = await sharedCode(SHARED);
    expect(await outcome(s.verify.verify(caller, 'w', CODE))).toBe('accepted');
    expect(await outcome(s.verify.verify(caller, 'w', CODE))).toBe('CODE_REPLAYED');
  });

  it('two parallel uses of it: exactly one is accepted', async () => {
    const { s, caller } = await sharedCode(SHARED);
    const results = await Promise.all(
      [1, 2].map(() => outcome(s.verify.verify(caller, 'w', CODE))),
    );
    expect(results.sort()).toEqual(['CODE_REPLAYED', 'accepted']);
  });

  it('once more when it reaches a later step after the earlier one was spent', async () => {
    // One step before, only the earlier of the two is in the window.
    const { s, caller, clock } = await sharedCode(SHARED - 1);
    expect(await outcome(s.verify.verify(caller, 'w', CODE))).toBe('accepted');
    // Then the later step, with the same code, comes into the window: a code of its own.
    clock.now += 30_000;
    expect(await outcome(s.verify.verify(caller, 'w', CODE))).toBe('accepted');
    expect(await outcome(s.verify.verify(caller, 'w', CODE))).toBe('CODE_REPLAYED');
  });
});
