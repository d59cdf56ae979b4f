import type { BrowserWindowConstructorOptions } from 'electron';
import { windowOptions } from './window-options';

/** The quick-search window: the app's hardened options, small, frameless and on top. */
export function quickWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  // DevTools never: the quick window is a secrets surface even in development.
  const base = windowOptions(preloadPath, false);
  return {
    ...base,
    width: 420,
    height: 360,
    minWidth: 320,
    minHeight: 200,
    title: 'Tessera quick search',
    frame: false,
    resizable: false,
    alwaysOnTop: true,
    skipTaskbar: true,
    show: false,
  };
}
