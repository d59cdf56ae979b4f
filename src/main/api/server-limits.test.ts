import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_VERSION } from '../app';
import { openTempApp, type TempApp } from '../testing/temp-app';
import { DEFAULT_HTTP_LIMITS } from './http-limits';
import { startApiServer, type ApiServer, type ApiServerOptions } from './server';

let temp: TempApp | undefined;
let server: ApiServer | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await server?.close();
  temp?.dispose();
});

async function start(options: Partial<ApiServerOptions>) {
  temp = await openTempApp();
  server = await startApiServer({
    services: temp.app.mfa,
    version: APP_VERSION,
    port: 0,
    ...options,
  });
  return { server, services: temp.app.mfa };
}

/** A raw connection; resolves once connected. */
function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => resolve(socket));
    socket.once('error', reject);
    sockets.push(socket);
  });
}

const closed = (socket: Socket) =>
  new Promise<string>((resolve) => {
    let data = '';
    socket.on('data', (chunk: Buffer) => (data += chunk.toString()));
    socket.once('close', () => resolve(data));
  });

async function get(url: string, path: string, key?: string) {
  const response = await fetch(new URL(path, url), {
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe('the API server’s limits', () => {
  it('answers 429 RATE_LIMITED with Retry-After once a key spends its budget, per key', async () => {
    const { server, services } = await start({ requestBudget: { perSecond: 0.01, burst: 3 } });
    const a = (await services.clients.create('a', 'client')).key;
    const b = (await services.clients.create('b', 'client')).key;
    for (let i = 0; i < 3; i++) expect((await get(server.url!, '/v1/users/u', a)).status).toBe(404);
    const limited = await get(server.url!, '/v1/users/u', a);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(100);
    expect(limited.body).toMatchObject({
      code: 'RATE_LIMITED',
      status: 429,
      retryAfterSeconds: retryAfter,
    });
    expect((await get(server.url!, '/v1/users/u', b)).status).toBe(404);
    expect((await get(server.url!, '/v1/health')).status).toBe(200);
  });

  it('closes connections beyond its cap as they arrive', async () => {
    const { server } = await start({ httpLimits: { ...DEFAULT_HTTP_LIMITS, maxConnections: 2 } });
    await open(server.port!);
    await open(server.port!);
    const third = await open(server.port!);
    const answer = closed(third);
    third.write('GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(await answer).toBe('');
  });

  it('cuts off a client that never finishes its headers', async () => {
    const { server } = await start({
      httpLimits: { ...DEFAULT_HTTP_LIMITS, headersTimeoutMs: 300, requestTimeoutMs: 600 },
    });
    const slow = await open(server.port!);
    const answer = closed(slow);
    slow.write('GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    expect(await answer).toMatch(/^HTTP\/1\.1 4\d\d /);
  });
});
