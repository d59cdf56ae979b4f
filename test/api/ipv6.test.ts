import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshUser, startFixture, type Fixture } from './support/fixture';
import { client } from './support/http';
import { codeAt, enrollUser } from './support/totp';

/** Whether this machine can listen on the IPv6 loopback at all (containers often cannot). */
function ipv6LoopbackWorks(): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ host: '::1', port: 0, ipv6Only: true }, () => probe.close(() => resolve(true)));
  });
}

const supported = await ipv6LoopbackWorks();

describe.skipIf(!supported)('the API on ::1 (skipped: this machine has no IPv6 loopback)', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await startFixture();
  });
  afterAll(() => f?.close());

  it('answers on [::1] with the same port, routes and guards', async () => {
    const v6 = `http://[::1]:${f.server.port}`;
    const health = await client(v6).get('/v1/health');
    expect(health.status).toBe(200);

    // A user enrolled over IPv4 verifies over IPv6: one server, one database.
    const user = await enrollUser(f.a, freshUser('v6'));
    const api = client(v6, f.clientA.key);
    const ok = await api.post(`/v1/users/${user.userId}/verify`, { code: codeAt(user.secret, 1) });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ valid: true, method: 'totp' });

    // The transport guards hold on this socket too.
    expect(
      (
        await api.get(`/v1/users/${user.userId}`, {
          headers: { host: `evil.example:${f.server.port}` },
        })
      ).body.code,
    ).toBe('FORBIDDEN_HOST');
    expect(
      (await api.get(`/v1/users/${user.userId}`, { headers: { origin: 'https://evil.example' } }))
        .body.code,
    ).toBe('FORBIDDEN_ORIGIN');
    expect((await client(v6).get(`/v1/users/${user.userId}`)).status).toBe(401);
  });
});
