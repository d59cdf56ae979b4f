import { describe, expect, it, vi } from 'vitest';
import type { AccountView } from '../../shared/account';
import { EMPTY_ORGANISATION } from '../../shared/organisation';
import type { LockStatus } from '../../shared/contract/lock';
import { QUICK_SEARCH_SHORTCUT, trayMenu, type TrayActions } from './quick-access-menu';
import { quickWindowOptions } from './quick-window-options';

const account = (id: string, issuer: string, name: string): AccountView => ({
  id,
  issuer,
  name,
  type: 'totp',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  position: 0,
  weakSecret: false,
  createdAt: '',
  ...EMPTY_ORGANISATION,
});
const accounts = [account('1', 'GitHub', 'octo'), account('2', 'Bank', 'me')];
const unlocked: LockStatus = {
  protection: 'password',
  locked: false,
  autoLockSeconds: 0,
  retryAfter: null,
};
const actions = (): TrayActions => ({
  copyCode: vi.fn(),
  openQuickSearch: vi.fn(),
  showWindow: vi.fn(),
  lock: vi.fn(),
  quit: vi.fn(),
});

describe('tray menu', () => {
  it('offers quick search, a copy item per account, Lock, Open and Quit', () => {
    const a = actions();
    const menu = trayMenu(unlocked, accounts, a);
    expect(menu.map((i) => i.label ?? '—')).toEqual([
      'Search and copy a code…',
      '—',
      'Copy code: GitHub (octo)',
      'Copy code: Bank (me)',
      '—',
      'Lock',
      '—',
      'Open Tessera',
      'Quit Tessera',
    ]);
    expect(menu[0]!.accelerator).toBe(QUICK_SEARCH_SHORTCUT);
    menu[3]!.click!();
    expect(a.copyCode).toHaveBeenCalledWith('2', 'Bank (me)');
  });

  it('filters by a query and has no Lock without a master password', () => {
    const menu = trayMenu({ ...unlocked, protection: 'keychain' }, accounts, actions(), 'bank');
    expect(menu.filter((i) => i.label?.startsWith('Copy code')).map((i) => i.label)).toEqual([
      'Copy code: Bank (me)',
    ]);
    expect(menu.some((i) => i.label === 'Lock')).toBe(false);
  });

  it('shows no account while locked', () => {
    const menu = trayMenu({ ...unlocked, locked: true }, accounts, actions());
    expect(menu.map((i) => i.label ?? '—')).toEqual([
      'Tessera is locked',
      '—',
      'Open Tessera',
      'Quit Tessera',
    ]);
  });
});

describe('quick search window', () => {
  it('is small, on top, frameless and as hardened as the main window', () => {
    const options = quickWindowOptions('/app/preload.js');
    expect(options).toMatchObject({
      width: 420,
      alwaysOnTop: true,
      frame: false,
      show: false,
      skipTaskbar: true,
    });
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
  });
});
