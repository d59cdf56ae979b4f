import { expect, it } from 'vitest';
import type { MfaStore } from '../../mfa-store';
import { hash, NO_FACTOR, seedClient, seedUser, T0, uniqueId } from '../store-fixtures';

/** Clients, their policy, and users: the plain reads and writes. */
export function clientAndUserTests(store: () => MfaStore): void {
  it('inserts a client with the default policy and lists it', async () => {
    const id = await seedClient(store(), { scope: 'admin', keyHash: hash('k1') });
    const client = await store().read.client(id);
    expect(client).toEqual({
      id,
      name: `client ${id}`,
      scope: 'admin',
      keyHash: hash('k1'),
      createdAt: T0,
      revokedAt: null,
      policy: { mode: 'OPTIONAL', window: 1, maxFailures: 5, backupCodeCount: 10 },
    });
    expect((await store().read.clients()).map((c) => c.id)).toContain(id);
    expect(await store().read.client(uniqueId('none'))).toBeUndefined();
  });

  it('revokes a client once; an unknown client is not revoked', async () => {
    const id = await seedClient(store());
    expect(await store().transaction((tx) => tx.revokeClient(id, T0 + 5))).toBe(true);
    expect(await store().transaction((tx) => tx.revokeClient(id, T0 + 9))).toBe(false);
    expect((await store().read.client(id))?.revokedAt).toBe(T0 + 5);
    expect(await store().transaction((tx) => tx.revokeClient(uniqueId('none'), T0))).toBe(false);
  });

  it('sets a policy; an unknown client has none to set', async () => {
    const id = await seedClient(store());
    const policy = { mode: 'REQUIRED', window: 2, maxFailures: 3, backupCodeCount: 0 } as const;
    expect(await store().transaction((tx) => tx.setPolicy(id, policy))).toBe(true);
    expect((await store().read.client(id))?.policy).toEqual(policy);
    expect(await store().transaction((tx) => tx.setPolicy(uniqueId('none'), policy))).toBe(false);
  });

  it('upserts a user: created once, names kept when undefined and replaced when given', async () => {
    const clientId = await seedClient(store());
    const userId = uniqueId('u');
    const upsert = (displayName: string | undefined, email: string | undefined, now: number) =>
      store().transaction((tx) => tx.upsertUser({ clientId, userId, displayName, email, now }));
    const first = await upsert('Ada', undefined, T0);
    expect(first.created).toBe(true);
    const second = await upsert(undefined, 'ada@example.com', T0 + 1);
    expect(second).toEqual({ pk: first.pk, created: false });
    const user = await store().read.user(clientId, userId);
    expect(user).toEqual({
      pk: first.pk,
      clientId,
      userId,
      displayName: 'Ada',
      email: 'ada@example.com',
      createdAt: T0,
      ...NO_FACTOR,
      lastVerifiedAt: null,
      pendingExpiresAt: null,
    });
    expect(await store().read.userByPk(first.pk)).toEqual(user);
    expect(await store().read.user(clientId, uniqueId('none'))).toBeUndefined();
    expect(await store().read.userByPk(-5)).toBeUndefined();
  });

  it('parallel upserts of one new user create it once', async () => {
    const clientId = await seedClient(store());
    const userId = uniqueId('u');
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        store().transaction((tx) =>
          tx.upsertUser({ clientId, userId, displayName: undefined, email: undefined, now: T0 }),
        ),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.pk)).size).toBe(1);
  });

  it('deletes a user with its pending enrollment, once', async () => {
    const clientId = await seedClient(store());
    const pk = await seedUser(store(), clientId);
    await store().transaction((tx) =>
      tx.putPending({
        id: 'p1',
        userPk: pk,
        sealedSecret: hash('s'),
        expiresAt: T0 + 1,
        createdAt: T0,
      }),
    );
    expect(await store().transaction((tx) => tx.deleteUser(pk))).toBe(true);
    expect(await store().transaction((tx) => tx.deleteUser(pk))).toBe(false);
    expect(await store().read.userByPk(pk)).toBeUndefined();
    expect(await store().read.pendingEnrollment('p1', pk)).toBeUndefined();
  });

  it('lists users by client, text, status and pages by pk', async () => {
    const clientId = await seedClient(store());
    const ada = await seedUser(store(), clientId, { displayName: 'Ada Lovelace' });
    const bob = await seedUser(store(), clientId, { email: 'BOB@example.com' });
    const eve = await seedUser(store(), clientId);
    await store().transaction((tx) =>
      tx.putPending({
        id: uniqueId('p'),
        userPk: bob,
        sealedSecret: hash('s'),
        expiresAt: T0 + 100,
        createdAt: T0,
      }),
    );
    const list = (q: Partial<Parameters<MfaStore['read']['users']>[0]>, now = T0) =>
      store()
        .read.users({ clientId, limit: 10, ...q }, now)
        .then((rows) => rows.map((r) => r.pk));
    expect(await list({})).toEqual([ada, bob, eve]);
    expect(await list({ q: 'lovelace' })).toEqual([ada]);
    expect(await list({ q: 'bob@EXAMPLE' })).toEqual([bob]);
    expect(await list({ status: 'pending' })).toEqual([bob]);
    expect(await list({ status: 'pending' }, T0 + 100)).toEqual([]);
    expect(await list({ status: 'none' })).toEqual([ada, eve]);
    expect(await list({ status: 'enrolled' })).toEqual([]);
    expect(await list({ afterPk: ada, limit: 1 })).toEqual([bob]);
    const [row] = await store().read.users({ clientId, limit: 1 }, T0);
    expect(row).toMatchObject({ pk: ada, displayName: 'Ada Lovelace', policyMode: 'OPTIONAL' });
  });
}
