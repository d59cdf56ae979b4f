import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, createStore, type Store } from '../api/support/cli';

/** Whether this machine can listen on the IPv6 loopback at all (containers often cannot). */
function listenOn(host: string, port = 0): Promise<Server | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(null));
    server.listen({ host, port, ipv6Only: host === '::1' }, () => resolve(server));
  });
}

function portOf(server: Server): number {
  return (server.address() as { port: number }).port;
}

/** Runs `tessera <args>` to completion (it must exit on its own) and returns what it said. */
function runUntilExit(args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  // A serve that did not refuse would run forever: stop it so the assertion reports it.
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    }),
  );
}

let store: Store;
const ipv6 = await listenOn('::1');
await new Promise((resolve) => (ipv6 ? ipv6.close(resolve) : resolve(null)));

beforeAll(async () => {
  store = await createStore();
});
afterAll(() => store?.dispose());

// Each case starts the CLI, which takes seconds on a busy 2-core machine.
describe('a port another program holds', { timeout: 120_000 }, () => {
  it.skipIf(!ipv6)('on [::1] makes `serve` exit non-zero, naming the port', async () => {
    const squatter = (await listenOn('::1'))!;
    const port = portOf(squatter);
    try {
      const result = await runUntilExit(['serve', '--port', String(port), ...store.flags]);
      expect(result.code).toBe(1);
      expect(result.out).toContain(`Port ${port} on [::1]`);
      expect(result.out).toContain('[PORT_IN_USE]');
      expect(result.out).not.toContain('listening');
    } finally {
      squatter.close();
    }
  });

  it('on 127.0.0.1 makes `serve` exit non-zero, naming the port', async () => {
    const squatter = (await listenOn('127.0.0.1'))!;
    const port = portOf(squatter);
    try {
      const result = await runUntilExit(['serve', '--port', String(port), ...store.flags]);
      expect(result.code).toBe(1);
      expect(result.out).toContain(`Port ${port} on 127.0.0.1`);
      expect(result.out).toContain('[PORT_IN_USE]');
    } finally {
      squatter.close();
    }
  });

  it('beside browser mode (`web --api-port`) stops it too, naming the port', async () => {
    const squatter = (await listenOn(ipv6 ? '::1' : '127.0.0.1'))!;
    const port = portOf(squatter);
    try {
      const result = await runUntilExit([
        'web',
        '--port',
        '0',
        '--api-port',
        String(port),
        ...store.flags,
      ]);
      expect(result.code).toBe(1);
      expect(result.out).toMatch(new RegExp(`Port ${port} on .*\\[PORT_IN_USE\\]`));
    } finally {
      squatter.close();
    }
  });
});
