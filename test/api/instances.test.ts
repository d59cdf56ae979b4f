import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, serve, tessera, type Served } from './support/cli';
import { freshUser, startFixture, type Fixture } from './support/fixture';
import { client, type Client } from './support/http';
import { expectProblem } from './support/problem';
import { codeAt, enrollUser } from './support/totp';

/**
 * Two `tessera serve` instances on one store (one PostgreSQL database, or one SQLite file):
 * what one of them, or the CLI, changes holds on the other at its very next request.
 */
let f: Fixture;
let second: Served;
let a2: Client;
let admin2: Client;
beforeAll(async () => {
  f = await startFixture();
  second = await serve(f.store);
  a2 = client(second.url, f.clientA.key);
  admin2 = client(second.url, f.adminKey.key);
});
afterAll(async () => {
  await second?.stop();
  await f?.close();
});

const wrongCode = (secret: string) =>
  String((Number(codeAt(secret, 0)) + 500_000) % 1_000_000).padStart(6, '0');

describe('several instances behave as one server', () => {
  it('a key revoked with the CLI is refused by both instances at their next request', async () => {
    const own = await createClient(f.store, 'soon-revoked');
    const on1 = client(f.server.url, own.key);
    const on2 = client(second.url, own.key);
    const id = freshUser();
    expect((await on1.put(`/v1/users/${id}`, {})).status).toBe(201);
    expect((await on2.get(`/v1/users/${id}`)).status).toBe(200);
    const revoked = await tessera(['clients', 'revoke', own.id, ...f.store.flags]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expectProblem(await on1.get(`/v1/users/${id}`), 401, 'UNAUTHENTICATED');
    expectProblem(await on2.get(`/v1/users/${id}`), 401, 'UNAUTHENTICATED');
  });

  it('a policy changed on one instance applies on the other', async () => {
    const own = await createClient(f.store, 'policy-two');
    const on2 = client(second.url, own.key);
    const u = await enrollUser(on2, freshUser());
    const policy = { mode: 'OPTIONAL', window: 1, maxFailures: 2, backupCodeCount: 10 };
    expect((await f.admin.put(`/v1/admin/clients/${own.id}/policy`, policy)).status).toBe(200);
    expect(
      (await on2.post(`/v1/users/${u.userId}/verify`, { code: wrongCode(u.secret) })).body,
    ).toMatchObject({ code: 'INVALID_CODE', attemptsRemaining: 1 });
    await admin2.put(`/v1/admin/clients/${own.id}/policy`, { ...policy, mode: 'OFF' });
    const off = await client(f.server.url, own.key).post(`/v1/users/${u.userId}/verify`, {
      code: '000000',
    });
    expect(off.body).toMatchObject({ valid: true, required: false, method: 'none' });
  });

  it('a lock engaged on one instance holds on the other; an unlock on the other lifts it', async () => {
    const u = await enrollUser(f.a, freshUser());
    for (let i = 0; i < 5; i++)
      await f.a.post(`/v1/users/${u.userId}/verify`, { code: wrongCode(u.secret) });
    expectProblem(
      await a2.post(`/v1/users/${u.userId}/verify`, { code: codeAt(u.secret, 1) }),
      423,
      'LOCKED',
    );
    const unlocked = await admin2.post(
      `/v1/admin/clients/${f.clientA.id}/users/${u.userId}/unlock`,
    );
    expect(unlocked.status).toBe(200);
    expect(
      (await f.a.post(`/v1/users/${u.userId}/verify`, { code: codeAt(u.secret, 1) })).status,
    ).toBe(200);
    expectProblem(
      await a2.post(`/v1/users/${u.userId}/verify`, { code: codeAt(u.secret, 1) }),
      422,
      'CODE_REPLAYED',
    );
  });

  it('a reset on one instance is seen by the other, and the audit is one log', async () => {
    const u = await enrollUser(f.a, freshUser());
    await f.admin.post(`/v1/admin/clients/${f.clientA.id}/users/${u.userId}/reset-mfa`);
    expectProblem(
      await a2.post(`/v1/users/${u.userId}/verify`, { code: u.backupCodes[0] }),
      409,
      'NOT_ENROLLED',
    );
    const query = `/v1/admin/audit?clientId=${f.clientA.id}&userId=${u.userId}`;
    const [one, two] = [(await f.admin.get(query)).body, (await admin2.get(query)).body];
    expect(two).toEqual(one);
    expect(one.items.map((e: { event: string }) => e.event)).toEqual(
      expect.arrayContaining(['totp.enroll_confirmed', 'mfa.reset']),
    );
  });
});
