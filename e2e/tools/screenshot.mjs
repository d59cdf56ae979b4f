#!/usr/bin/env node
// Takes docs/screenshot.png from the real app (browser mode, system Chromium) with a few accounts.
// Usage (after `npm run build`): node e2e/tools/screenshot.mjs [--dark] [out.png]
// The master key comes from a throw-away 0600 key file, so no OS keychain is needed or touched.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dark = process.argv.includes('--dark');
const out =
  process.argv.slice(2).find((a) => !a.startsWith('--')) ?? join(root, 'docs', 'screenshot.png');

const ACCOUNTS = [
  'otpauth://totp/GitHub:alice%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=GitHub',
  'otpauth://totp/Google:alice.martin%40gmail.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Google',
  'otpauth://totp/AWS:root-account?secret=KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU&issuer=AWS&algorithm=SHA256&digits=8',
  'otpauth://hotp/Corporate%20VPN:alice?secret=MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK&issuer=Corporate%20VPN&counter=12',
  'otpauth://totp/Dropbox:alice%40example.com?secret=ONSWG4TFORZW63LPNZSWG4TFORZW63LP&issuer=Dropbox',
  'otpauth://totp/Mastodon:%40alice%40fosstodon.org?secret=NBSWY3DPO5XXE3DENBSWY3DPO5XXE3DE&issuer=Mastodon',
];

const dataDir = mkdtempSync(join(tmpdir(), 'tessera-shot-'));
const keyFile = join(dataDir, 'master.key');
writeFileSync(keyFile, randomBytes(32).toString('base64') + '\n', { mode: 0o600 });
const server = spawn(
  process.execPath,
  [
    join(root, 'bin', 'tessera.cjs'),
    'web',
    '--port',
    '0',
    '--data-dir',
    join(dataDir, 'data'),
    '--key-file',
    keyFile,
  ],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const url = await new Promise((resolve, reject) => {
  server.once('exit', (code) => reject(new Error(`tessera web exited with ${code}`)));
  createInterface({ input: server.stdout }).on('line', (line) => {
    const match = /running at (\S+)/.exec(line);
    if (match) resolve(match[1]);
  });
});

const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage({
    viewport: { width: 1100, height: 580 },
    deviceScaleFactor: 2,
    colorScheme: dark ? 'dark' : 'light',
  });
  await page.goto(url);
  // The page trades the start link's token for a session kept in sessionStorage.
  const session = await page.waitForFunction(() => sessionStorage.getItem('tessera.session'));
  const headers = { 'x-tessera-session': await session.jsonValue() };
  for (const uri of ACCOUNTS) {
    const response = await page.request.post(new URL('/rpc/vault.addUri', page.url()).href, {
      headers,
      data: { uri },
    });
    if (!(await response.json()).ok) throw new Error(`could not add ${uri}`);
  }
  await page.reload();
  await page
    .getByLabel('Code for GitHub (alice@example.com)', { exact: true })
    .getByText(/\d/)
    .first()
    .waitFor();
  // Wait for a fresh period so the rings are nearly full, and let the ring transition settle.
  await page.waitForTimeout(1200);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
