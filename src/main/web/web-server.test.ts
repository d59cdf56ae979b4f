import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempApp, type TempApp } from '../testing/temp-app';
import { createStartLinks, START_LINK_TTL_MS } from './start-links';
import { startWebServer, type WebServer } from './web-server';

let temp: TempApp;
let server: WebServer;
let staticDir: string;
let now = Date.now();
let session: string;
let pageLoads = 0;

beforeAll(async () => {
  temp = await openTempApp();
  staticDir = mkdtempSync(join(tmpdir(), 'tessera-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Tessera</title>');
  const links = createStartLinks(() => now);
  server = await startWebServer({
    router: temp.app.router('web'),
    staticDir,
    port: 0,
    links,
    onPageLoad: () => pageLoads++,
  });
  session = await exchange(tokenOf(server.newStartUrl())).then(
    (r) => JSON.parse(r.body).data.session,
  );
});

afterAll(async () => {
  await server.close();
  temp.dispose();
  rmSync(staticDir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw node:http so Host, Origin and cookies are exactly what the test says. */
function send(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: init.method ?? 'GET',
        headers: { host: `127.0.0.1:${server.port}`, ...init.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

const tokenOf = (url: string) => new URL(url).hash.replace(/^#token=/, '');
const exchange = (token: unknown) =>
  send('/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
const rpc = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  send(`/rpc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tessera-session': session, ...headers },
    body: JSON.stringify(body),
  });

describe('browser-mode server', () => {
  it('prints a loopback URL carrying a token in its fragment, never in the query', () => {
    expect(server.url).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#token=[\\w.-]+$`),
    );
  });

  it('trades a start token once for a session secret, and never sets a cookie', async () => {
    const token = tokenOf(server.newStartUrl());
    const first = await exchange(token);
    expect(first.status).toBe(200);
    expect(first.headers['set-cookie']).toBeUndefined();
    const secret = JSON.parse(first.body).data.session;
    expect(secret).toMatch(/^[\w-]{43}$/);
    const again = await exchange(token);
    expect(again.status).toBe(401);
    expect(JSON.parse(again.body).error).toMatchObject({ code: 'START_LINK_USED' });
    expect(JSON.parse(again.body).error.message).toContain('tessera web --new-url');
    const list = await rpc('vault.list', {}, { 'x-tessera-session': secret });
    expect(list.status).toBe(200);
  });

  it('refuses an expired start token, and one it did not mint', async () => {
    const token = tokenOf(server.newStartUrl());
    now += START_LINK_TTL_MS + 1;
    try {
      expect(JSON.parse((await exchange(token)).body).error.code).toBe('START_LINK_EXPIRED');
    } finally {
      now -= START_LINK_TTL_MS + 1;
    }
    const [nonce, expiry] = tokenOf(server.newStartUrl()).split('.');
    for (const forged of [`${nonce}.${expiry}.AAAA`, `${nonce}.zzzzzzzzz.x`, 'x', '', 42, null]) {
      const reply = await exchange(forged);
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body).error.code).toBe('START_LINK_INVALID');
    }
  });

  it('serves the static app with a strict CSP and no cookie, telling main of the page load', async () => {
    const before = pageLoads;
    const reply = await send('/');
    expect(reply.status).toBe(200);
    // A (re)load is when the app lock asks for the master password again.
    expect(pageLoads).toBe(before + 1);
    expect(reply.body).toContain('<title>Tessera</title>');
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
    expect(reply.headers['set-cookie']).toBeUndefined();
  });

  it.each([
    ['no session header', { 'x-tessera-session': '' }],
    ['a wrong session', { 'x-tessera-session': 'wrong' }],
    ['the old cookie', { 'x-tessera-session': '', cookie: 'tessera_token=anything' }],
  ])('refuses calls with %s (401)', async (_name, headers) => {
    const call = await rpc('vault.list', {}, headers);
    expect(call.status).toBe(401);
    expect(JSON.parse(call.body).error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a Host that is not loopback (DNS rebinding)', async () => {
    const reply = await send('/', { headers: { host: `evil.example:${server.port}` } });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body).error.code).toBe('FORBIDDEN_HOST');
  });

  it('refuses a foreign Origin and cross-site fetches, even with a session', async () => {
    const foreign = await rpc('vault.list', {}, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body).error.code).toBe('FORBIDDEN_ORIGIN');
    const crossSite = await rpc('vault.list', {}, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
  });

  it('carries the contract: validated input, typed errors, real results', async () => {
    const same = { origin: `http://127.0.0.1:${server.port}` };
    const bad = JSON.parse(
      (await rpc('vault.add', { issuer: 'X', name: 'y', secret: '189' }, same)).body,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(bad.error.fields.map((f: { path: string[] }) => f.path[0])).toContain('secret');
    const unknown = JSON.parse((await rpc('vault.steal', {})).body);
    expect(unknown.error.code).toBe('UNKNOWN_CHANNEL');
    const added = JSON.parse(
      (await rpc('vault.add', { issuer: 'GitHub', name: 'octo', secret: 'JBSWY3DPEHPK3PXP' }, same))
        .body,
    );
    expect(added).toMatchObject({ ok: true, data: { issuer: 'GitHub', name: 'octo' } });
    expect(JSON.stringify(added)).not.toContain('JBSWY3DPEHPK3PXP');
    const list = JSON.parse((await rpc('vault.list', {})).body);
    expect(list.data).toHaveLength(1);
  });
});
