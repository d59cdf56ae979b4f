import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempApp, type TempApp } from '../testing/temp-app';
import { startWebServer, type WebServer } from './web-server';

let temp: TempApp;
let server: WebServer;
let staticDir: string;
const token = 'test-token-0123456789';
let pageLoads = 0;

beforeAll(async () => {
  temp = await openTempApp();
  staticDir = mkdtempSync(join(tmpdir(), 'tessera-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Tessera</title>');
  server = await startWebServer({
    router: temp.app.router('web'),
    staticDir,
    port: 0,
    token,
    onPageLoad: () => pageLoads++,
  });
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

const cookie = `tessera_token=${token}`;
const rpc = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  send(`/rpc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, ...headers },
    body: JSON.stringify(body),
  });

describe('browser-mode server', () => {
  it('prints a loopback URL carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${token}`);
  });

  it('swaps the URL token for an HttpOnly SameSite=Strict cookie', async () => {
    const reply = await send(`/?token=${token}`);
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    expect(String(reply.headers['set-cookie'])).toMatch(
      /tessera_token=.+; HttpOnly; SameSite=Strict/,
    );
  });

  it('serves the app with a strict CSP once the cookie is there, telling main of the page load', async () => {
    const before = pageLoads;
    const reply = await send('/', { headers: { cookie } });
    expect(reply.status).toBe(200);
    // A (re)load is when the app lock asks for the master password again.
    expect(pageLoads).toBe(before + 1);
    expect(reply.body).toContain('<title>Tessera</title>');
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { cookie: 'tessera_token=wrong' }],
  ])('refuses requests with %s', async (_name, headers) => {
    const page = await send('/', { headers });
    expect(page.status).toBe(401);
    const call = await send('/rpc/vault.list', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{}',
    });
    expect(call.status).toBe(401);
    expect(JSON.parse(call.body).error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a Host that is not loopback (DNS rebinding), even with the token', async () => {
    const reply = await send(`/?token=${token}`, {
      headers: { host: `evil.example:${server.port}` },
    });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body).error.code).toBe('FORBIDDEN_HOST');
  });

  it('refuses a foreign Origin and cross-site fetches, even with the cookie', async () => {
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
