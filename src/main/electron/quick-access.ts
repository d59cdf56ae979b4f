import {
  BrowserWindow,
  clipboard,
  globalShortcut,
  Menu,
  nativeImage,
  powerMonitor,
  Tray,
} from 'electron';
import type { AppOpener } from '../ipc/deferred-router';
import { createClipboardBridge } from './clipboard-bridge';
import {
  QUICK_SEARCH_SHORTCUT,
  SYSTEM_LOCK_EVENTS,
  trayMenu,
  type TrayActions,
} from './quick-access-menu';
import { quickWindowOptions } from './quick-window-options';
import { TRAY_ICON_PNG_BASE64 } from './tray-icon';

const CLIPBOARD_CLEAR_MS = 30_000;
const copy = createClipboardBridge(clipboard);

export interface QuickAccessOptions {
  opener: AppOpener;
  preloadPath: string;
  /** Loads the renderer into a window; `hash` picks the view (`quick` is quick search). */
  load(window: BrowserWindow, hash?: string): void;
  showMainWindow(): void;
  quit(): void;
}

/**
 * Tray, global shortcut and locking on system lock/suspend. The decisions are in
 * quick-access-menu.ts (plain, tested); this file only hands them to Electron.
 */
export function startQuickAccess(options: QuickAccessOptions) {
  const { opener } = options;
  let quickWindow: BrowserWindow | undefined;

  const openQuickSearch = () => {
    if (!quickWindow || quickWindow.isDestroyed()) {
      quickWindow = new BrowserWindow(quickWindowOptions(options.preloadPath));
      quickWindow.setContentProtection(true);
      quickWindow.once('ready-to-show', () => quickWindow?.show());
      quickWindow.on('blur', () => quickWindow?.close());
      options.load(quickWindow, 'quick');
    } else quickWindow.show();
    quickWindow.focus();
  };

  const actions: TrayActions = {
    copyCode(accountId) {
      const app = opener.current();
      const code = app?.vault.codes([accountId]).codes[0]?.current;
      if (code) void copy({ values: [code], clearAfterMs: CLIPBOARD_CLEAR_MS });
    },
    openQuickSearch,
    showWindow: options.showMainWindow,
    lock: () => opener.current()?.lock.lockIfProtected(),
    quit: options.quit,
  };

  const tray = new Tray(nativeImage.createFromBuffer(Buffer.from(TRAY_ICON_PNG_BASE64, 'base64')));
  tray.setToolTip('Tessera');
  const refresh = () => {
    const app = opener.current();
    const status = app?.lock.status();
    const accounts = app && status && !status.locked ? app.vault.list() : [];
    const menu = Menu.buildFromTemplate(trayMenu(status, accounts, actions));
    // Rebuilt after each use, so the next opening shows the vault (and lock) as it is then.
    menu.once('menu-will-close', () => setTimeout(refresh, 0));
    tray.setContextMenu(menu);
  };
  refresh();
  tray.on('click', refresh);

  globalShortcut.register(QUICK_SEARCH_SHORTCUT, openQuickSearch);
  for (const event of SYSTEM_LOCK_EVENTS) {
    powerMonitor.on(event as 'suspend', () => {
      opener.current()?.lock.lockIfProtected();
      refresh();
    });
  }

  return {
    /** IPC is trusted from this window too. */
    isQuickWindow: (contents: Electron.WebContents) =>
      !!quickWindow && !quickWindow.isDestroyed() && quickWindow.webContents === contents,
    refresh,
    dispose() {
      globalShortcut.unregister(QUICK_SEARCH_SHORTCUT);
      tray.destroy();
    },
  };
}
