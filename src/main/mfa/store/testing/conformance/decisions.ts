import { expect, it } from 'vitest';
import { HARD_LOCK_FAILURES, LOCKED_UNTIL_ADMIN, lockedUntilAfter } from '../../../lockout';
import type { MfaStore } from '../../mfa-store';
import { acceptedAudit, countDefined, hash, NO_FACTOR, seedEnrolled, T0 } from '../store-fixtures';

/** The decisions: each is one conditional write, exact under parallel calls. */
export function decisionTests(store: () => MfaStore, stores: () => MfaStore[]): void {
  /** The i-th of parallel calls goes to one of the stores in turn (two instances, if given). */
  const nth = (i: number) => stores()[i % stores().length]!;

  it('accepts a later step once, never the same or an earlier one, nor another factor', async () => {
    const u = await seedEnrolled(store(), 100);
    const accept = (step: number, factorId = u.factorId) =>
      store().transaction((tx) =>
        tx.acceptTotp({ pk: u.pk, factorId, step, now: T0 + step }, acceptedAudit(u)),
      );
    expect(await accept(101)).toEqual({ backupCodesRemaining: 3 });
    expect(await accept(101)).toBeUndefined();
    expect(await accept(100)).toBeUndefined();
    expect(await accept(105, 'another-factor')).toBeUndefined();
    expect(await store().read.userByPk(u.pk)).toMatchObject({
      lastStep: 101,
      lastVerifiedAt: T0 + 101,
    });
  });

  it('of 200 parallel accepts of one step exactly one is accepted and audited', async () => {
    const u = await seedEnrolled(store(), 100);
    const accept = { pk: u.pk, factorId: u.factorId, step: 101, now: T0 };
    // Half as transactions of their own (a verify's first try), half inside one (its refusal path).
    const accepted = await countDefined(200, (i) =>
      i % 4 < 2
        ? nth(i).acceptTotp(accept, acceptedAudit(u))
        : nth(i).transaction((tx) => tx.acceptTotp(accept, acceptedAudit(u))),
    );
    expect(accepted).toHaveLength(1);
    const audited = await store().read.audit({ clientId: u.clientId, limit: 10 });
    expect(audited.map((e) => e.event)).toEqual(['verify.success']);
  });

  it('counts failures and locks by the lockout rule up to the hard lock', async () => {
    const u = await seedEnrolled(store());
    let now = T0;
    for (let failures = 1; failures <= HARD_LOCK_FAILURES; failures++) {
      const counted = await store().transaction((tx) =>
        tx.countFailure({ pk: u.pk, factorId: u.factorId, maxFailures: 3, now }),
      );
      expect(counted).toEqual({ failures, lockedUntil: lockedUntilAfter(failures, 3, now) });
      if (counted?.lockedUntil) now = Math.min(counted.lockedUntil, LOCKED_UNTIL_ADMIN - 1);
    }
    expect((await store().read.userByPk(u.pk))?.lockedUntil).toBe(LOCKED_UNTIL_ADMIN);
  });

  it('refuses accepts and failures while locked, and after an unlock accepts again', async () => {
    const u = await seedEnrolled(store(), 100);
    const fail = () =>
      store().transaction((tx) =>
        tx.countFailure({ pk: u.pk, factorId: u.factorId, maxFailures: 1, now: T0 }),
      );
    expect(await fail()).toEqual({ failures: 1, lockedUntil: T0 + 30_000 });
    expect(await fail()).toBeUndefined();
    const accept = (now: number) =>
      store().transaction((tx) =>
        tx.acceptTotp({ pk: u.pk, factorId: u.factorId, step: 101, now }, acceptedAudit(u, now)),
      );
    expect(await accept(T0 + 29_999)).toBeUndefined();
    expect(await store().transaction((tx) => tx.unlock(u.pk, T0 + 1))).toBe(true);
    expect(await store().read.userByPk(u.pk)).toMatchObject({ failures: 0, lockedUntil: null });
    expect(await accept(T0 + 2)).toEqual({ backupCodesRemaining: 3 });
    expect(await store().transaction((tx) => tx.unlock(-1, T0))).toBe(false);
  });

  it('a failure against a replaced factor counts nothing; an accept clears failures', async () => {
    const u = await seedEnrolled(store(), 100);
    const failure = { pk: u.pk, factorId: 'old', maxFailures: 5, now: T0 };
    expect(await store().transaction((tx) => tx.countFailure(failure))).toBeUndefined();
    await store().transaction((tx) => tx.countFailure({ ...failure, factorId: u.factorId }));
    await store().transaction((tx) =>
      tx.acceptTotp({ pk: u.pk, factorId: u.factorId, step: 101, now: T0 }, acceptedAudit(u)),
    );
    expect((await store().read.userByPk(u.pk))?.failures).toBe(0);
  });

  it('parallel wrong guesses lock at exactly maxFailures', async () => {
    const u = await seedEnrolled(store());
    const counted = await countDefined(40, (i) =>
      nth(i).transaction((tx) =>
        tx.countFailure({ pk: u.pk, factorId: u.factorId, maxFailures: 5, now: T0 }),
      ),
    );
    expect(counted.map((c) => c.failures).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    expect(await store().read.userByPk(u.pk)).toMatchObject({
      failures: 5,
      lockedUntil: T0 + 30_000,
    });
  });

  it('spends a backup code once, not while locked nor for another factor', async () => {
    const u = await seedEnrolled(store(), 100, 3);
    const spend = (code: Buffer, factorId = u.factorId, now = T0) =>
      store().transaction((tx) => tx.spendBackupCode({ pk: u.pk, factorId, hash: code, now }));
    expect(await spend(u.codes[0]!, 'other')).toBeUndefined();
    expect(await spend(hash('unknown'))).toBeUndefined();
    expect(await spend(u.codes[0]!)).toEqual({ backupCodesRemaining: 2 });
    expect(await spend(u.codes[0]!)).toBeUndefined();
    await store().transaction((tx) =>
      tx.countFailure({ pk: u.pk, factorId: u.factorId, maxFailures: 1, now: T0 }),
    );
    expect(await spend(u.codes[1]!)).toBeUndefined();
    expect(await spend(u.codes[1]!, u.factorId, T0 + 30_000)).toEqual({ backupCodesRemaining: 1 });
    expect(await store().read.userByPk(u.pk)).toMatchObject({ failures: 0, lockedUntil: null });
  });

  it('of 50 parallel uses of one backup code exactly one is accepted', async () => {
    const u = await seedEnrolled(store(), 100, 3);
    const spent = await countDefined(50, (i) =>
      nth(i).transaction((tx) =>
        tx.spendBackupCode({ pk: u.pk, factorId: u.factorId, hash: u.codes[0]!, now: T0 }),
      ),
    );
    expect(spent).toEqual([{ backupCodesRemaining: 2 }]);
    expect((await store().read.userByPk(u.pk))?.backupCodesRemaining).toBe(2);
  });

  it('replaces the backup codes only while the factor is unchanged', async () => {
    const u = await seedEnrolled(store(), 100, 3);
    const fresh = [hash('new 1'), hash('new 2')];
    expect(await store().transaction((tx) => tx.replaceBackupCodes(u.pk, 'other', fresh))).toBe(
      false,
    );
    expect(await store().transaction((tx) => tx.replaceBackupCodes(u.pk, u.factorId, fresh))).toBe(
      true,
    );
    expect((await store().read.userByPk(u.pk))?.backupCodesRemaining).toBe(2);
    const spend = (code: Buffer) =>
      store().transaction((tx) =>
        tx.spendBackupCode({ pk: u.pk, factorId: u.factorId, hash: code, now: T0 }),
      );
    expect(await spend(u.codes[0]!)).toBeUndefined();
    expect(await spend(fresh[1]!)).toEqual({ backupCodesRemaining: 1 });
  });

  it('clears the factor with its codes, pending enrollment and lock', async () => {
    const u = await seedEnrolled(store(), 100, 3);
    await store().transaction((tx) =>
      tx.countFailure({ pk: u.pk, factorId: u.factorId, maxFailures: 1, now: T0 }),
    );
    await store().transaction((tx) =>
      tx.putPending({
        id: 'next',
        userPk: u.pk,
        sealedSecret: hash('s'),
        expiresAt: T0 + 9,
        createdAt: T0,
      }),
    );
    await store().transaction((tx) => tx.clearFactor(u.pk, T0 + 1));
    expect(await store().read.userByPk(u.pk)).toMatchObject({
      ...NO_FACTOR,
      pendingExpiresAt: null,
    });
    expect(
      await store().transaction((tx) =>
        tx.spendBackupCode({ pk: u.pk, factorId: u.factorId, hash: u.codes[0]!, now: T0 }),
      ),
    ).toBeUndefined();
  });
}
