import type { AccountView } from '../../shared/account';
import { labelOf, searchAccounts } from '../../shared/account-search';
import type { LockStatus } from '../../shared/contract/lock';

/** The global shortcut that opens quick search (Electron accelerator syntax). */
export const QUICK_SEARCH_SHORTCUT = 'CommandOrControl+Shift+Space';
/** A tray menu stays short; quick search finds the rest. */
export const TRAY_ACCOUNTS = 12;

/** What the tray menu can ask for; main.ts wires these to Electron. */
export interface TrayActions {
  copyCode(accountId: string, label: string): void;
  openQuickSearch(): void;
  showWindow(): void;
  lock(): void;
  quit(): void;
}

/** A menu item as plain data (a subset of Electron's MenuItemConstructorOptions). */
export interface TrayItem {
  label?: string;
  type?: 'separator';
  enabled?: boolean;
  accelerator?: string;
  click?: () => void;
}

/**
 * The tray menu: quick search, then "Copy code" for the first accounts (those matching `query`
 * when given), then Lock, Open and Quit. Locked, it offers only to open the window (to unlock).
 */
export function trayMenu(
  status: LockStatus | undefined,
  accounts: readonly AccountView[],
  actions: TrayActions,
  query = '',
): TrayItem[] {
  const tail: TrayItem[] = [
    { type: 'separator' },
    { label: 'Open Tessera', click: actions.showWindow },
    { label: 'Quit Tessera', click: actions.quit },
  ];
  if (!status || status.locked) {
    return [
      { label: status ? 'Tessera is locked' : 'The vault is not open', enabled: false },
      ...tail,
    ];
  }
  const shown = searchAccounts(accounts, query).slice(0, TRAY_ACCOUNTS);
  const items: TrayItem[] = [
    {
      label: 'Search and copy a code…',
      accelerator: QUICK_SEARCH_SHORTCUT,
      click: actions.openQuickSearch,
    },
    { type: 'separator' },
    ...(shown.length === 0
      ? [{ label: 'No accounts yet', enabled: false }]
      : shown.map((account) => {
          const label = labelOf(account) || 'Unnamed account';
          return { label: `Copy code: ${label}`, click: () => actions.copyCode(account.id, label) };
        })),
  ];
  if (status.protection === 'password') {
    items.push(
      { type: 'separator' },
      { label: 'Lock', accelerator: 'CommandOrControl+L', click: actions.lock },
    );
  }
  return [...items, ...tail];
}

/** The powerMonitor events that lock Tessera. */
export const SYSTEM_LOCK_EVENTS = ['lock-screen', 'suspend'] as const;
