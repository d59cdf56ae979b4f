import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { searchAccounts } from '../../shared/account-search';
import { TesseraError } from '../../shared/errors';
import { openApp } from '../app';
import { createKeyFile } from '../keychain/key-file';
import { pickClipboardTool } from './clipboard';
import { buildProgram } from './program';

let dir: string;
let out: string;
let store: string[];
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tessera-cli-code-'));
  await createKeyFile(join(dir, 'master.key'));
  store = ['--data-dir', join(dir, 'data'), '--key-file', join(dir, 'master.key')];
  out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

async function seed(password?: string): Promise<void> {
  const app = await openApp({
    dataDir: join(dir, 'data'),
    keychainService: 'unused',
    keyFile: join(dir, 'master.key'),
    clock: Date.now,
  });
  for (const [issuer, name] of [
    ['GitHub', 'octo'],
    ['GitHub Enterprise', 'work'],
    ['Bank', 'me'],
  ]) {
    app.vault.add({ issuer: issuer!, name: name!, secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' });
  }
  if (password) await app.lock.setPassword(password);
  app.close();
}

async function tessera(...args: string[]): Promise<string> {
  try {
    await buildProgram()
      .exitOverride()
      .parseAsync(['node', 'tessera', ...args, ...store]);
    return 'NO_ERROR';
  } catch (error) {
    if (error instanceof TesseraError) return `${error.code}: ${error.message}`;
    throw error;
  }
}

describe('tessera list and code', () => {
  it('list prints every account, as JSON with --json, never a secret', async () => {
    await seed();
    expect(await tessera('list')).toBe('NO_ERROR');
    expect(out).toContain('GitHub (octo)');
    out = '';
    await tessera('list', '--json');
    const listed = JSON.parse(out) as { issuer: string }[];
    expect(listed.map((a) => a.issuer)).toEqual(['GitHub', 'GitHub Enterprise', 'Bank']);
    expect(out).not.toContain('JBSWY3DP');
  });

  it('code prints the one match and its seconds left; several or none fail', async () => {
    await seed();
    expect(await tessera('code', 'bank')).toBe('NO_ERROR');
    expect(out).toMatch(/^\d{6} {2}\(\d{1,2} s left\)\n$/);
    out = '';
    await tessera('code', 'github', '--json');
    expect(JSON.parse(out)).toMatchObject({
      label: 'GitHub (octo)',
      code: expect.stringMatching(/^\d{6}$/),
    });
    out = '';
    expect(await tessera('code', 'git')).toMatch(/^AMBIGUOUS_QUERY: "git" matches 2 accounts/);
    expect(out).toContain('GitHub Enterprise (work)');
    expect(await tessera('code', 'nothing-like-it')).toMatch(
      /^NO_MATCH: No account matches "nothing-like-it"/,
    );
  });

  it('needs --password-file when a master password is set, and refuses a wrong one', async () => {
    await seed('correct horse battery');
    expect(await tessera('list')).toMatch(
      /^LOCKED: Tessera has a master password: pass --password-file/,
    );
    writeFileSync(join(dir, 'wrong'), 'not the password\n', { mode: 0o600 });
    expect(await tessera('code', 'bank', '--password-file', join(dir, 'wrong'))).toMatch(
      /^WRONG_PASSWORD/,
    );
    writeFileSync(join(dir, 'pw'), 'correct horse battery\n', { mode: 0o600 });
    expect(await tessera('code', 'bank', '--password-file', join(dir, 'pw'))).toBe('NO_ERROR');
    expect(out).toMatch(/^\d{6} /);
  });
});

describe('account search', () => {
  const accounts = [
    { issuer: 'GitHub', name: 'octo' },
    { issuer: 'GitHub Enterprise', name: 'work' },
  ];
  it('prefers the one account named exactly, else every partial match', () => {
    expect(searchAccounts(accounts, 'GITHUB')).toEqual([accounts[0]]);
    expect(searchAccounts(accounts, 'git')).toEqual(accounts);
    expect(searchAccounts(accounts, 'work')).toEqual([accounts[1]]);
    expect(searchAccounts(accounts, 'zzz')).toEqual([]);
  });
});

describe('clipboard tool', () => {
  const all = () => true;
  it('uses the platform tool, wl-copy on Wayland, xclip on X11, and none without a session', () => {
    expect(pickClipboardTool('darwin', {}, all)?.command).toBe('pbcopy');
    expect(pickClipboardTool('win32', {}, all)?.command).toBe('clip');
    expect(pickClipboardTool('linux', { WAYLAND_DISPLAY: 'wayland-0' }, all)?.command).toBe(
      'wl-copy',
    );
    expect(pickClipboardTool('linux', { DISPLAY: ':0' }, (c) => c === 'xsel')?.command).toBe(
      'xsel',
    );
    expect(pickClipboardTool('linux', {}, all)).toBeUndefined();
    expect(pickClipboardTool('linux', { DISPLAY: ':0' }, () => false)).toBeUndefined();
  });
});
