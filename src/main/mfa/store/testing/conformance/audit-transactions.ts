import { expect, it } from 'vitest';
import type { AuditEntry, MfaStore } from '../../mfa-store';
import { seedClient, seedUser, T0, uniqueId } from '../store-fixtures';

/** The audit log, and what a transaction promises: all of its work or none. */
export function auditAndTransactionTests(store: () => MfaStore): void {
  const entry = (clientId: string, i: number, extra: Partial<AuditEntry> = {}): AuditEntry => ({
    at: T0 + i * 1000,
    actor: `client:${clientId}`,
    clientId,
    userId: i % 2 ? 'odd' : 'even',
    event: i % 3 ? 'verify.success' : 'verify.failure',
    outcome: i % 3 ? 'success' : 'failure',
    ...extra,
  });

  it('records audit rows and pages them newest first, filtered', async () => {
    const clientId = await seedClient(store());
    await store().transaction(async (tx) => {
      for (let i = 0; i < 6; i++)
        await tx.record(
          entry(
            clientId,
            i,
            i === 5 ? { detail: { method: 'totp', n: 1, ok: true, none: null } } : {},
          ),
        );
    });
    const page = await store().read.audit({ clientId, limit: 10 });
    expect(page.map((e) => e.at)).toEqual(
      [5, 4, 3, 2, 1, 0].map((i) => new Date(T0 + i * 1000).toISOString()),
    );
    expect(page[0]).toMatchObject({
      actor: `client:${clientId}`,
      clientId,
      userId: 'odd',
      event: 'verify.success',
      outcome: 'success',
      detail: { method: 'totp', n: 1, ok: true, none: null },
    });
    expect(page[1]!.detail).toBeNull();
    expect(page[0]!.id).toBeGreaterThan(page[1]!.id);
    const ats = async (f: Partial<Parameters<MfaStore['read']['audit']>[0]>) =>
      (await store().read.audit({ clientId, limit: 10, ...f })).map(
        (e) => (Date.parse(e.at) - T0) / 1000,
      );
    expect(await ats({ userId: 'odd' })).toEqual([5, 3, 1]);
    expect(await ats({ event: 'verify.failure' })).toEqual([3, 0]);
    expect(await ats({ sinceMs: T0 + 4000 })).toEqual([5, 4]);
    expect(await ats({ beforeId: page[1]!.id, limit: 2 })).toEqual([3, 2]);
  });

  it('a transaction that throws keeps none of its writes and rejects with the error', async () => {
    const clientId = await seedClient(store());
    const userId = uniqueId('u');
    const failure = new Error('changed my mind');
    await expect(
      store().transaction(async (tx) => {
        await tx.upsertUser({ clientId, userId, displayName: 'x', email: undefined, now: T0 });
        await tx.record(entry(clientId, 1));
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await store().read.user(clientId, userId)).toBeUndefined();
    expect(await store().read.audit({ clientId, limit: 10 })).toEqual([]);
  });

  it('a transaction sees its own writes and resolves with its result once committed', async () => {
    const clientId = await seedClient(store());
    const pk = await seedUser(store(), clientId);
    const seen = await store().transaction(async (tx) => {
      await tx.unlock(pk, T0 + 7);
      return (await tx.userByPk(pk))?.pk;
    });
    expect(seen).toBe(pk);
  });
}
