import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tessera } from './support/cli';
import { freshUser, startFixture, type Fixture } from './support/fixture';
import { call, client } from './support/http';
import { expectProblem } from './support/problem';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f?.close());

describe('authentication and scopes', () => {
  it('401 UNAUTHENTICATED without a key, with a malformed key and with a wrong key', async () => {
    const id = freshUser();
    const none = expectProblem(await f.anon.get(`/v1/users/${id}`), 401, 'UNAUTHENTICATED');
    expect(none.detail).toMatch(/Authorization: Bearer/);
    expect((await f.anon.get(`/v1/users/${id}`)).headers['www-authenticate']).toMatch(/^Bearer/);
    expectProblem(
      await client(f.server.url, 'not-a-key').get(`/v1/users/${id}`),
      401,
      'UNAUTHENTICATED',
    );
    const forged = f.clientA.key.slice(0, -4) + (f.clientA.key.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const wrong = expectProblem(
      await client(f.server.url, forged).get(`/v1/users/${id}`),
      401,
      'UNAUTHENTICATED',
    );
    expect(wrong.detail).not.toContain(forged);
    expectProblem(
      await call(f.server.url, 'GET', `/v1/users/${id}`, {
        headers: { authorization: `Basic ${f.clientA.key}` },
      }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('403 FORBIDDEN_SCOPE: client keys cannot use admin routes, admin keys cannot use user routes', async () => {
    expectProblem(await f.a.get('/v1/admin/users'), 403, 'FORBIDDEN_SCOPE');
    expectProblem(
      await f.a.get(`/v1/admin/clients/${f.clientA.id}/policy`),
      403,
      'FORBIDDEN_SCOPE',
    );
    expectProblem(await f.admin.put(`/v1/users/${freshUser()}`, {}), 403, 'FORBIDDEN_SCOPE');
  });

  it('a revoked key stops working at once', async () => {
    const created = JSON.parse(
      (await tessera(['clients', 'create', 'temp', '--json', ...f.store.flags])).stdout,
    ) as { id: string; key: string };
    const temp = client(f.server.url, created.key);
    expect((await temp.put(`/v1/users/${freshUser()}`, {})).status).toBe(201);
    const revoked = await tessera(['clients', 'revoke', created.id, ...f.store.flags]);
    expect(revoked.code).toBe(0);
    const p = expectProblem(await temp.put(`/v1/users/${freshUser()}`, {}), 401, 'UNAUTHENTICATED');
    expect(p.detail).toMatch(/revoked/);
    const list = await tessera(['clients', 'list', '--json', ...f.store.flags]);
    expect(JSON.parse(list.stdout)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: created.id, revokedAt: expect.any(String) }),
      ]),
    );
    expect(list.stdout).not.toContain(created.key.slice(18));
  });
});

describe('transport guards', () => {
  it('403 FORBIDDEN_HOST for a Host that is not loopback with our port (DNS rebinding)', async () => {
    for (const host of [
      'evil.example',
      `evil.example:${f.server.port}`,
      '127.0.0.1:1',
      `localhost.evil:${f.server.port}`,
    ]) {
      expectProblem(
        await call(f.server.url, 'GET', '/v1/health', { headers: { host } }),
        403,
        'FORBIDDEN_HOST',
      );
    }
    expect(
      (
        await call(f.server.url, 'GET', '/v1/health', {
          headers: { host: `localhost:${f.server.port}` },
        })
      ).status,
    ).toBe(200);
  });

  it('403 FORBIDDEN_ORIGIN for any Origin or a cross-site fetch, and never a CORS header', async () => {
    const id = freshUser();
    const refused: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: `http://127.0.0.1:${f.server.port}` },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of refused) {
      const res = await call(f.server.url, 'POST', `/v1/users/${id}/verify`, {
        key: f.clientA.key,
        body: { code: '123456' },
        headers,
      });
      expectProblem(res, 403, 'FORBIDDEN_ORIGIN');
      expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
    const preflight = await call(f.server.url, 'OPTIONS', `/v1/users/${id}/verify`, {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('bodies', () => {
  it('400 VALIDATION_FAILED names every bad field by path', async () => {
    const id = freshUser();
    const p = expectProblem(
      await f.a.put(`/v1/users/${id}`, { displayName: 42, email: 'nope', extra: true }),
      400,
      'VALIDATION_FAILED',
    );
    const paths = p.errors!.map((e) => e.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['body.displayName', 'body.email']));
    expect(p.errors!.some((e) => /extra/.test(e.message) || e.path.join('.') === 'body')).toBe(
      true,
    );
    const missing = expectProblem(
      await f.a.post(`/v1/users/${id}/verify`, {}),
      400,
      'VALIDATION_FAILED',
    );
    expect(missing.errors).toEqual([{ path: ['body', 'code'], message: expect.any(String) }]);
    const typed = expectProblem(
      await f.a.post(`/v1/users/${id}/verify`, { code: 123456 }),
      400,
      'VALIDATION_FAILED',
    );
    expect(typed.errors![0]!.message).toMatch(/string/);
    expectProblem(await f.a.put(`/v1/users/${'x'.repeat(129)}`, {}), 400, 'VALIDATION_FAILED');
    expectProblem(await f.a.put(`/v1/users/a%00b`, {}), 400, 'VALIDATION_FAILED');
    const limit = expectProblem(
      await f.admin.get('/v1/admin/users?limit=0'),
      400,
      'VALIDATION_FAILED',
    );
    expect(limit.errors![0]!.path).toEqual(['query', 'limit']);
  });

  it('400 MALFORMED_JSON for broken or empty JSON', async () => {
    const id = freshUser();
    const opts = (raw: string) => ({
      key: f.clientA.key,
      raw,
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(
      await call(f.server.url, 'POST', `/v1/users/${id}/verify`, opts('{"code":')),
      400,
      'MALFORMED_JSON',
    );
    expectProblem(
      await call(f.server.url, 'POST', `/v1/users/${id}/verify`, opts('')),
      400,
      'MALFORMED_JSON',
    );
    expectProblem(
      await call(f.server.url, 'POST', `/v1/users/${id}/verify`, opts('{"__proto__":{"x":1}}')),
      400,
      'MALFORMED_JSON',
    );
  });

  it('413 PAYLOAD_TOO_LARGE over 16 KiB', async () => {
    const p = expectProblem(
      await f.a.put(`/v1/users/${freshUser()}`, { displayName: 'x'.repeat(17 * 1024) }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    expect(p.detail).toMatch(/16 KiB/);
  });

  it('431 HEADERS_TOO_LARGE for a URL over 16 KiB, and the next request still works', async () => {
    const huge = await call(f.server.url, 'GET', `/v1/users/${'u'.repeat(20 * 1024)}`, {
      key: f.clientA.key,
    });
    expectProblem(huge, 431, 'HEADERS_TOO_LARGE');
    expect((await f.anon.get('/v1/health')).status).toBe(200);
  });

  it('415 UNSUPPORTED_MEDIA_TYPE for anything but JSON', async () => {
    const id = freshUser();
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await call(f.server.url, 'POST', `/v1/users/${id}/verify`, {
        key: f.clientA.key,
        raw: 'code=123456',
        headers: { 'content-type': type },
      });
      expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
    expectProblem(
      await call(f.server.url, 'POST', `/v1/users/${id}/verify`, {
        key: f.clientA.key,
        raw: '{"code":"1"}',
      }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('404 ROUTE_NOT_FOUND for unknown routes', async () => {
    expectProblem(await f.a.get('/v1/nope'), 404, 'ROUTE_NOT_FOUND');
    expectProblem(await f.a.post('/v1/health', {}), 404, 'ROUTE_NOT_FOUND');
  });
});
