import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requestStartLink, serveStartLinks } from './start-link-control';

const dir = mkdtempSync(join(tmpdir(), 'tessera-links-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(process.platform === 'win32')('start links on request (--new-url)', () => {
  it('hands a fresh start URL to whoever asks on the 0600 socket', async () => {
    const path = join(dir, 'tessera-web.sock');
    let minted = 0;
    const control = await serveStartLinks(path, () => `http://127.0.0.1:1234/#token=t${++minted}`);
    try {
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(await requestStartLink(path)).toBe('http://127.0.0.1:1234/#token=t1');
      expect(await requestStartLink(path)).toBe('http://127.0.0.1:1234/#token=t2');
    } finally {
      await control.close();
    }
  });

  it('says clearly when no `tessera web` runs for the data dir', async () => {
    await expect(requestStartLink(join(dir, 'nobody.sock'))).rejects.toMatchObject({
      code: 'WEB_NOT_RUNNING',
    });
  });
});
