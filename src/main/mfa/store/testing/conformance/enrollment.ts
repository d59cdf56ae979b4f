import { expect, it } from 'vitest';
import type { ConfirmEnrollment, MfaStore } from '../../mfa-store';
import {
  acceptedAudit,
  hash,
  seedClient,
  seedEnrolled,
  seedUser,
  T0,
  uniqueId,
} from '../store-fixtures';

/** Pending enrollments and the confirm's compare-and-set. */
export function enrollmentTests(store: () => MfaStore, stores: () => MfaStore[]): void {
  async function pendingUser(expiresAt = T0 + 600_000) {
    const clientId = await seedClient(store());
    const pk = await seedUser(store(), clientId);
    const id = uniqueId('f');
    await store().transaction((tx) =>
      tx.putPending({ id, userPk: pk, sealedSecret: hash('sealed'), expiresAt, createdAt: T0 }),
    );
    return { clientId, pk, id };
  }
  const confirmOf = (pk: number, id: string, now = T0 + 1): ConfirmEnrollment => ({
    pk,
    enrollmentId: id,
    sealedSecret: hash('sealed'),
    step: 77,
    backupCodeHashes: [hash('a'), hash('b')],
    now,
  });

  it('a new pending enrollment replaces the old one', async () => {
    const { pk, id } = await pendingUser();
    await store().transaction((tx) =>
      tx.putPending({
        id: 'second',
        userPk: pk,
        sealedSecret: hash('2'),
        expiresAt: T0 + 9,
        createdAt: T0,
      }),
    );
    expect(await store().read.pendingEnrollment(id, pk)).toBeUndefined();
    expect(await store().read.pendingEnrollment('second', pk)).toEqual({
      id: 'second',
      sealedSecret: hash('2'),
      expiresAt: T0 + 9,
    });
    expect((await store().read.userByPk(pk))?.pendingExpiresAt).toBe(T0 + 9);
  });

  it('a confirm sets the factor, spends its step and stores the codes', async () => {
    const { pk, id } = await pendingUser();
    expect(await store().transaction((tx) => tx.confirmEnrollment(confirmOf(pk, id)))).toBe('ok');
    expect(await store().read.userByPk(pk)).toMatchObject({
      factorId: id,
      sealedSecret: hash('sealed'),
      lastStep: 77,
      backupCodesRemaining: 2,
      failures: 0,
      lockedUntil: null,
      pendingExpiresAt: null,
    });
    expect(await store().read.pendingEnrollment(id, pk)).toBeUndefined();
    const accept = { pk, factorId: id, step: 77, now: T0 + 2 };
    expect(
      await store().transaction((tx) => tx.acceptTotp(accept, acceptedAudit({ clientId: 'c' }))),
    ).toBeUndefined();
  });

  it('a confirm is refused when the pending row is gone, expired or the user enrolled', async () => {
    const { pk, id } = await pendingUser(T0 + 10);
    expect(
      await store().transaction((tx) => tx.confirmEnrollment(confirmOf(pk, id, T0 + 10))),
    ).toBe('gone');
    expect(await store().transaction((tx) => tx.confirmEnrollment(confirmOf(pk, 'nope')))).toBe(
      'gone',
    );
    const enrolled = await seedEnrolled(store());
    const other = uniqueId('f');
    await store().transaction((tx) =>
      tx.putPending({
        id: other,
        userPk: enrolled.pk,
        sealedSecret: hash('s'),
        expiresAt: T0 + 600_000,
        createdAt: T0,
      }),
    );
    expect(
      await store().transaction((tx) => tx.confirmEnrollment(confirmOf(enrolled.pk, other))),
    ).toBe('enrolled');
    expect((await store().read.userByPk(enrolled.pk))?.factorId).toBe(enrolled.factorId);
  });

  it('a locked user cannot confirm and keeps the pending enrollment', async () => {
    const { pk, id } = await pendingUser();
    const failure = { pk, factorId: null, maxFailures: 1, now: T0 };
    expect(await store().transaction((tx) => tx.countFailure(failure))).toEqual({
      failures: 1,
      lockedUntil: T0 + 30_000,
    });
    expect(await store().transaction((tx) => tx.confirmEnrollment(confirmOf(pk, id)))).toBe(
      'locked',
    );
    expect(await store().read.pendingEnrollment(id, pk)).toBeDefined();
    expect(
      await store().transaction((tx) => tx.confirmEnrollment(confirmOf(pk, id, T0 + 30_000))),
    ).toBe('ok');
  });

  it('of 20 parallel confirms of one enrollment exactly one applies', async () => {
    const { pk, id } = await pendingUser();
    const all = stores();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        all[i % all.length]!.transaction((tx) => tx.confirmEnrollment(confirmOf(pk, id))),
      ),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.every((r) => r === 'ok' || r === 'gone' || r === 'enrolled')).toBe(true);
  });
}
