import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminUserPageSchema, auditPageSchema, policySchema } from '../../src/shared/api';
import { freshUser, startFixture, type Fixture } from './support/fixture';
import { expectProblem } from './support/problem';
import { codeAt, enrollUser } from './support/totp';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f?.close());

const wrongCode = (secret: string) => (codeAt(secret) === '000000' ? '111111' : '000000');

describe('tenant isolation', () => {
  it('two clients have separate namespaces for the same user id', async () => {
    const id = freshUser('shared');
    const ua = await enrollUser(f.a, id);
    expectProblem(await f.b.get(`/v1/users/${id}`), 404, 'USER_NOT_FOUND');
    expectProblem(
      await f.b.post(`/v1/users/${id}/verify`, { code: codeAt(ua.secret, 1) }),
      404,
      'USER_NOT_FOUND',
    );
    expect((await f.b.put(`/v1/users/${id}`, { displayName: 'B' })).status).toBe(201);
    expect((await f.b.get(`/v1/users/${id}`)).body.mfa.status).toBe('none');
    expectProblem(
      await f.b.delete(`/v1/users/${id}/mfa`, { code: ua.backupCodes[0] }),
      409,
      'NOT_ENROLLED',
    );
    expect((await f.b.delete(`/v1/users/${id}`)).status).toBe(204);
    expect((await f.a.get(`/v1/users/${id}`)).body.mfa.status).toBe('enrolled');
    // A backup code of A's user is worthless for B's user of the same id.
    const ub = await enrollUser(f.b, id);
    expectProblem(
      await f.b.post(`/v1/users/${id}/verify`, { code: ua.backupCodes[0] }),
      422,
      'INVALID_CODE',
    );
    expect((await f.a.post(`/v1/users/${id}/verify`, { code: ub.backupCodes[0] })).status).toBe(
      422,
    );
  });
});

describe('admin', () => {
  it('lists users across clients with filters and a cursor', async () => {
    const prefix = freshUser('list');
    for (let i = 0; i < 3; i++)
      await f.a.put(`/v1/users/${prefix}-${i}`, { email: `${prefix}-${i}@example.com` });
    await enrollUser(f.b, `${prefix}-b`);
    const all = adminUserPageSchema.parse((await f.admin.get(`/v1/admin/users?q=${prefix}`)).body);
    expect(all.items.map((u) => u.userId).sort()).toEqual([
      `${prefix}-0`,
      `${prefix}-1`,
      `${prefix}-2`,
      `${prefix}-b`,
    ]);
    const onlyB = (await f.admin.get(`/v1/admin/users?q=${prefix}&clientId=${f.clientB.id}`)).body;
    expect(onlyB.items).toHaveLength(1);
    expect(onlyB.items[0]).toMatchObject({ clientId: f.clientB.id, mfa: { status: 'enrolled' } });
    expect(
      (await f.admin.get(`/v1/admin/users?q=${prefix}&status=enrolled`)).body.items,
    ).toHaveLength(1);
    const first = (await f.admin.get(`/v1/admin/users?q=${prefix}&limit=2`)).body;
    expect(first.items).toHaveLength(2);
    const second = (
      await f.admin.get(`/v1/admin/users?q=${prefix}&limit=2&cursor=${first.nextCursor}`)
    ).body;
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expectProblem(await f.admin.get('/v1/admin/users?status=weird'), 400, 'VALIDATION_FAILED');
    expectProblem(await f.admin.get('/v1/admin/users?cursor=abc'), 400, 'VALIDATION_FAILED');
  });

  it('unlocks a locked user and resets MFA', async () => {
    const u = await enrollUser(f.a, freshUser());
    for (let i = 0; i < 5; i++)
      await f.a.post(`/v1/users/${u.userId}/verify`, { code: wrongCode(u.secret) });
    expectProblem(
      await f.a.post(`/v1/users/${u.userId}/verify`, { code: codeAt(u.secret, 1) }),
      423,
      'LOCKED',
    );
    const unlocked = await f.admin.post(
      `/v1/admin/clients/${f.clientA.id}/users/${u.userId}/unlock`,
    );
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.mfa).toMatchObject({ lockedUntil: null, consecutiveFailures: 0 });
    expect(
      (await f.a.post(`/v1/users/${u.userId}/verify`, { code: codeAt(u.secret, 1) })).status,
    ).toBe(200);
    const reset = await f.admin.post(
      `/v1/admin/clients/${f.clientA.id}/users/${u.userId}/reset-mfa`,
    );
    expect(reset.body.mfa).toMatchObject({ status: 'none', backupCodesRemaining: 0 });
    expectProblem(
      await f.a.post(`/v1/users/${u.userId}/verify`, { code: u.backupCodes[0] }),
      409,
      'NOT_ENROLLED',
    );
    expectProblem(
      await f.admin.post(`/v1/admin/clients/${f.clientA.id}/users/${freshUser()}/unlock`),
      404,
      'USER_NOT_FOUND',
    );
    expectProblem(
      await f.admin.post(`/v1/admin/clients/zzzzzzzzzzzz/users/${u.userId}/reset-mfa`),
      404,
      'CLIENT_NOT_FOUND',
    );
  });

  it('audits who did what, with outcomes and no code, secret or key', async () => {
    const u = await enrollUser(f.a, freshUser());
    await f.a.post(`/v1/users/${u.userId}/verify`, { code: wrongCode(u.secret) });
    await f.a.post(`/v1/users/${u.userId}/verify`, { code: codeAt(u.secret, 1) });
    await f.a.post(`/v1/users/${u.userId}/verify`, { code: u.backupCodes[0] });
    const res = await f.admin.get(`/v1/admin/audit?clientId=${f.clientA.id}&userId=${u.userId}`);
    const page = auditPageSchema.parse(res.body);
    expect(page.items.map((e) => `${e.event}:${e.outcome}`).reverse()).toEqual([
      'user.created:success',
      'totp.enroll_started:success',
      'totp.enroll_confirmed:success',
      'verify.failure:failure',
      'verify.success:success',
      'verify.success:success',
    ]);
    expect(page.items.every((e) => e.actor === `client:${f.clientA.id}`)).toBe(true);
    expect(page.items[0]!.detail).toMatchObject({ method: 'backup_code' });
    const text = JSON.stringify((await f.admin.get('/v1/admin/audit?limit=200')).body);
    for (const secret of [
      u.secret,
      codeAt(u.secret, 1),
      ...u.backupCodes,
      ...u.backupCodes.map((c) => c.replace(/-/g, '')),
      f.clientA.key,
      f.adminKey.key,
    ]) {
      expect(text).not.toContain(secret);
    }
    const failures = (await f.admin.get(`/v1/admin/audit?event=verify.failure&userId=${u.userId}`))
      .body;
    expect(failures.items).toHaveLength(1);
    const since = (
      await f.admin.get(
        `/v1/admin/audit?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
      )
    ).body;
    expect(since.items).toEqual([]);
    expectProblem(await f.admin.get('/v1/admin/audit?since=yesterday'), 400, 'VALIDATION_FAILED');
    expectProblem(await f.admin.get('/v1/admin/audit?event=made.up'), 400, 'VALIDATION_FAILED');
    const created = (await f.admin.get(`/v1/admin/audit?event=client.created`)).body.items;
    expect(created.map((e: { actor: string }) => e.actor)).toEqual([
      'console',
      'console',
      'console',
    ]);
  });

  it('policy: GET/PUT, OFF skips verification, REQUIRED asks for enrollment, maxFailures applies', async () => {
    const c = await import('./support/cli');
    const own = await c.createClient(f.store, 'policy-app');
    const api = (await import('./support/http')).client(f.server.url, own.key);
    const url = `/v1/admin/clients/${own.id}/policy`;
    expect(policySchema.parse((await f.admin.get(url)).body)).toEqual({
      mode: 'OPTIONAL',
      window: 1,
      maxFailures: 5,
      backupCodeCount: 10,
    });
    expectProblem(
      await f.admin.put(url, { mode: 'SOMETIMES', window: 1, maxFailures: 5, backupCodeCount: 10 }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await f.admin.put(url, { mode: 'OFF' }), 400, 'VALIDATION_FAILED');
    expectProblem(
      await f.admin.get('/v1/admin/clients/zzzzzzzzzzzz/policy'),
      404,
      'CLIENT_NOT_FOUND',
    );

    await f.admin.put(url, { mode: 'REQUIRED', window: 1, maxFailures: 2, backupCodeCount: 4 });
    const id = freshUser();
    expect((await api.put(`/v1/users/${id}`, {})).body.policy).toEqual({
      mode: 'REQUIRED',
      enrollmentRequired: true,
    });
    const u = await enrollUser(api, id);
    expect(u.backupCodes).toHaveLength(4);
    expect((await api.get(`/v1/users/${id}`)).body.policy).toEqual({
      mode: 'REQUIRED',
      enrollmentRequired: false,
    });
    expect(
      (await api.post(`/v1/users/${id}/verify`, { code: wrongCode(u.secret) })).body
        .attemptsRemaining,
    ).toBe(1);
    expect(
      (await api.post(`/v1/users/${id}/verify`, { code: wrongCode(u.secret) })).body
        .attemptsRemaining,
    ).toBe(0);
    expectProblem(
      await api.post(`/v1/users/${id}/verify`, { code: codeAt(u.secret, 1) }),
      423,
      'LOCKED',
    );

    await f.admin.put(url, { mode: 'OFF', window: 1, maxFailures: 5, backupCodeCount: 10 });
    const off = await api.post(`/v1/users/${id}/verify`, { code: '999999' });
    expect(off.body).toMatchObject({ valid: true, required: false, method: 'none' });
    expectProblem(
      await api.post(`/v1/users/${freshUser()}/verify`, { code: '999999' }),
      404,
      'USER_NOT_FOUND',
    );
  });
});
