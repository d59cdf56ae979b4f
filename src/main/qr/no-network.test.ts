import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fullHdScreenshot, toPng } from './testing/qr-fixtures';

afterEach(() => vi.restoreAllMocks());

describe('the QR decoder works offline', () => {
  it('loads zxing-wasm from the package and decodes without any network request', async () => {
    const attempts: string[] = [];
    const refuse = (what: string) => () => {
      attempts.push(what);
      throw new Error(`network access attempted: ${what}`);
    };
    vi.spyOn(globalThis, 'fetch').mockImplementation(refuse('fetch'));
    vi.spyOn(http, 'request').mockImplementation(refuse('http.request'));
    vi.spyOn(http, 'get').mockImplementation(refuse('http.get'));
    vi.spyOn(https, 'request').mockImplementation(refuse('https.request'));
    vi.spyOn(https, 'get').mockImplementation(refuse('https.get'));
    vi.spyOn(net, 'connect').mockImplementation(refuse('net.connect'));
    vi.spyOn(net, 'createConnection').mockImplementation(refuse('net.createConnection'));

    // A fresh module graph, so the wasm is loaded here, under the spies, not by an earlier test.
    vi.resetModules();
    const { scanImageFile } = await import('./scan-image');
    const texts = [
      'otpauth://totp/A:a?secret=JBSWY3DPEHPK3PXP',
      'otpauth://totp/B:b?secret=KRSXG5CTMVRXEZLU',
      'otpauth://totp/C:c?secret=MFRGGZDFMZTWQ2LK',
    ];
    const found = await scanImageFile(toPng(fullHdScreenshot(texts)));
    expect(found).toHaveLength(3);
    expect(attempts).toEqual([]);
  });
});
