import type { BrowserWindowConstructorOptions } from 'electron';

/** Hardened options for the one app window; asserted by unit tests. */
export function windowOptions(
  preloadPath: string,
  devTools: boolean,
): BrowserWindowConstructorOptions {
  return {
    width: 1024,
    height: 720,
    minWidth: 420,
    minHeight: 480,
    show: false,
    title: 'Tessera',
    backgroundColor: '#111418',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools,
    },
  };
}
