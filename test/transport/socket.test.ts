import { spawn, type ChildProcess } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, createStore, type Store } from '../api/support/cli';

interface Reply {
  status: number;
  body: string;
}

function overSocket(socketPath: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<Reply>((resolve, reject) => {
    const req = request({ socketPath, path, headers: { host: 'localhost', ...headers } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Starts `tessera serve <args>` and resolves once it names its socket (or rejects with its output). */
function serveOnSocket(args: string[]): Promise<{ child: ChildProcess; out: () => string }> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 60_000);
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${out}`)));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!out.includes('listening on socket')) return;
      clearTimeout(timer);
      resolve({ child, out: () => out });
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  return exited;
}

let store: Store;
beforeAll(async () => {
  store = await createStore();
});
afterAll(() => store?.dispose());

// Starting the CLI takes seconds on a busy 2-core machine; the second case starts it three times.
describe.skipIf(process.platform === 'win32')(
  '`tessera serve --socket`',
  { timeout: 180_000 },
  () => {
    it('answers /v1/health on a 0600 socket in the data dir, with the transport guards', async () => {
      const { child, out } = await serveOnSocket(['--socket', ...store.flags]);
      const socketPath = join(store.dataDir, 'tessera-api.sock');
      try {
        expect(out()).toContain(`listening on socket ${socketPath}`);
        expect(out()).not.toContain('http://127.0.0.1');
        expect(statSync(socketPath).isSocket()).toBe(true);
        expect(statSync(socketPath).mode & 0o777).toBe(0o600);

        const health = await overSocket(socketPath, '/v1/health');
        expect(health.status).toBe(200);
        const page = await overSocket(socketPath, '/v1/health', { origin: 'https://evil.example' });
        expect(page.status).toBe(403);
        expect(JSON.parse(page.body).code).toBe('FORBIDDEN_ORIGIN');
        const rebound = await overSocket(socketPath, '/v1/health', { host: 'evil.example' });
        expect(JSON.parse(rebound.body).code).toBe('FORBIDDEN_HOST');
        expect((await overSocket(socketPath, '/v1/users/alice')).status).toBe(401);
      } finally {
        await stop(child);
      }
    });

    it('replaces a stale socket file, and refuses to replace a file that is not a socket', async () => {
      const socketPath = join(store.dir, 'api.sock');
      const first = await serveOnSocket(['--socket', socketPath, ...store.flags]);
      first.child.kill('SIGKILL'); // Leaves the socket file behind.
      await new Promise((done) => first.child.once('exit', done));
      const second = await serveOnSocket(['--socket', socketPath, ...store.flags]);
      expect((await overSocket(socketPath, '/v1/health')).status).toBe(200);
      await stop(second.child);

      const plain = join(store.dir, 'notes.txt');
      writeFileSync(plain, 'keep me');
      await expect(serveOnSocket(['--socket', plain, ...store.flags])).rejects.toThrow(
        /SOCKET_PATH_TAKEN/,
      );
    });
  },
);
