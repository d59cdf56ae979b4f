import type { BrowserWindowConstructorOptions } from 'electron';

/** Hardened options for the one app window; asserted by unit tests. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
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
      devTools: process.env.NODE_ENV === 'development',
    },
  };
}

/**
 * Only our own bundle may be shown or call IPC: the dev server in development, otherwise the one
 * packaged index.html (any other file:// page would be foreign content).
 */
export function isAppUrl(
  url: string,
  devServerUrl: string | undefined,
  appFileUrl: string,
): boolean {
  if (devServerUrl) return url.startsWith(devServerUrl);
  const bare = url.split(/[?#]/)[0];
  return bare === appFileUrl;
}
