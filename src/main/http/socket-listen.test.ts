import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listenOnPath, localSocketPath } from './socket-listen';

const dir = mkdtempSync(join(tmpdir(), 'tessera-sock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('local sockets', () => {
  it('live in the data dir, or are a named pipe per data dir on Windows', () => {
    expect(localSocketPath('/data', 'api', 'linux')).toBe('/data/tessera-api.sock');
    const pipe = localSocketPath('C:\\Users\\a\\Tessera', 'api', 'win32');
    expect(pipe).toMatch(/^\\\\\.\\pipe\\tessera-api-[0-9a-f]{16}$/);
    expect(localSocketPath('C:\\Users\\b\\Tessera', 'api', 'win32')).not.toBe(pipe);
  });

  it.skipIf(process.platform === 'win32')(
    'will not take over a socket another program answers on',
    async () => {
      const path = join(dir, 'held.sock');
      const holder = createServer();
      await new Promise<void>((resolve) => holder.listen(path, resolve));
      try {
        await expect(listenOnPath(createServer(), path)).rejects.toMatchObject({
          code: 'PORT_IN_USE',
        });
      } finally {
        holder.close();
      }
    },
  );
});
