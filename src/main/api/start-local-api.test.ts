import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempApp, type TempApp } from '../testing/temp-app';
import { startLocalApi } from './start-local-api';

function squat(host: string): Promise<Server | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(null));
    server.listen({ host, port: 0, ipv6Only: host === '::1' }, () => resolve(server));
  });
}

let temp: TempApp;
beforeAll(async () => {
  temp = await openTempApp();
});
afterAll(() => temp.dispose());

describe('the API beside the desktop app', () => {
  it('reports a port held by another program through app.info, for the window to show', async () => {
    // ::1 where the machine has it (the squatter the issue describes), else 127.0.0.1.
    const squatter = (await squat('::1')) ?? (await squat('127.0.0.1'))!;
    const port = (squatter.address() as { port: number }).port;
    try {
      await expect(
        startLocalApi(temp.app, { TESSERA_API_PORT: String(port) }),
      ).rejects.toMatchObject({ code: 'PORT_IN_USE' });
      const info = await temp.app.router('electron')('app.info', {});
      expect(info).toMatchObject({
        ok: true,
        data: { api: { state: 'failed', code: 'PORT_IN_USE' } },
      });
      expect(JSON.stringify(info)).toContain(`Port ${port} on`);
    } finally {
      squatter.close();
    }
  });

  it('reports where it listens once it starts', async () => {
    const server = await startLocalApi(temp.app, { TESSERA_API_PORT: '0' });
    try {
      const info = await temp.app.router('electron')('app.info', {});
      expect(info).toMatchObject({
        ok: true,
        data: { api: { state: 'listening', url: server.url } },
      });
    } finally {
      await server.close();
    }
  });
});
