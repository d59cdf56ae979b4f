import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, handleAppRequest, resolveAppPath } from './app-protocol';

const dir = mkdtempSync(join(tmpdir(), 'tessera-app-protocol-'));
const root = join(dir, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Tessera</title>');
writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(root, 'assets', 'zxing_reader.wasm'), Buffer.from([0, 97, 115, 109]));
writeFileSync(join(dir, 'secret.txt'), 'outside the root');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handleAppRequest(root, new Request(url, { method }));

describe('the app:// protocol (the UI without file://)', () => {
  it('is a standard, secure scheme registered with fetch support', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });

  it('serves the built UI with the right MIME types and the CSP', async () => {
    const page = await get('app://tessera/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Tessera</title>');
    expect((await get('app://tessera/')).status).toBe(200);
    const script = await get('app://tessera/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const wasm = await get('app://tessera/assets/zxing_reader.wasm');
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
  });

  it('refuses path traversal, other hosts, unknown types and writes', async () => {
    for (const url of [
      'app://tessera/../secret.txt',
      'app://tessera/%2e%2e/secret.txt',
      'app://tessera/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://tessera/..%5csecret.txt',
      'app://tessera/index.html%00.js',
      'app://tessera/assets',
      'app://tessera/missing.js',
      'app://elsewhere/index.html',
    ]) {
      const reply = await get(url);
      expect(reply.status, url).toBe(404);
      expect(await reply.text(), url).not.toContain('outside the root');
    }
    expect(resolveAppPath(root, 'app://tessera/%E0%A4%A')).toBeNull();
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull();
    expect((await get('app://tessera/index.html', 'POST')).status).toBe(405);
  });
});
