import { app, BrowserWindow, protocol, shell } from 'electron';
import { join } from 'node:path';
import { openApp } from '../app';
import { createAppOpener, deferredRouter } from '../ipc/deferred-router';
import { resolveConfig } from '../config';
import { registerIpc } from './ipc';
import { windowOptions } from './window-options';
import { startLocalApi } from '../api/start-local-api';
import type { ApiServer } from '../api/server';
import { APP_SCHEME_PRIVILEGES, handleAppRequest, rendererRoot } from './app-protocol';
import { APP_SCHEME, devToolsAllowed, isAppUrl, rendererSource } from './renderer-source';
import { hardenSession } from './session-hardening';
import { startQuickAccess } from './quick-access';

// Before `ready`: privileged schemes can only be declared then; every renderer sandboxed.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

const run = { packaged: app.isPackaged, env: process.env };
const source = rendererSource(run);
let mainWindow: BrowserWindow | undefined;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(
    windowOptions(join(__dirname, '../preload/index.js'), devToolsAllowed(run)),
  );
  window.setContentProtection(true);
  window.once('ready-to-show', () => window.show());

  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, source.origin)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, source.origin)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  loadRenderer(window);
  return window;
}

/** The renderer from the app's scheme (or the dev server); `hash` picks a view, e.g. `quick`. */
function loadRenderer(window: BrowserWindow, hash?: string): void {
  void window.loadURL(hash ? `${source.url}#${hash}` : source.url);
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  await app.whenReady();
  const root = rendererRoot(__dirname);
  protocol.handle(APP_SCHEME, (request) => handleAppRequest(root, request));
  hardenSession(source.origin, () => mainWindow);

  // The window opens even when the vault cannot (locked keychain, wrong key...): the renderer
  // shows the reason and retries through the deferred router. The API starts with the first
  // successful open, whether that is at launch or after "Try again".
  let api: ApiServer | undefined;
  const opener = createAppOpener(
    resolveConfig({ dataDir: process.env.TESSERA_DATA_DIR ?? app.getPath('userData') }),
    async (config) => {
      const opened = await openApp(config);
      // Awaited so the window's first `app.info` already knows whether the API is up; a failure
      // (a port held by another program) is shown there, and the authenticator stays usable.
      api = await startLocalApi(opened).catch((error: unknown) => {
        console.error(`tessera: the verification API did not start: ${(error as Error).message}`);
        return undefined;
      });
      return opened;
    },
  );
  const showMainWindow = () => {
    if (!mainWindow || mainWindow.isDestroyed()) mainWindow = createWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };
  const quickAccess = startQuickAccess({
    opener,
    preloadPath: join(__dirname, '../preload/index.js'),
    load: loadRenderer,
    showMainWindow,
    quit: () => app.quit(),
  });
  registerIpc(
    deferredRouter(opener, 'electron'),
    (contents) => contents === mainWindow?.webContents || quickAccess.isQuickWindow(contents),
    source.origin,
  );
  mainWindow = createWindow();
  // A reload of the window asks for the master password again, as in browser mode.
  mainWindow.webContents.on('did-start-loading', () => opener.current()?.lock.lockIfProtected());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void opener
    .open()
    .then(() => quickAccess.refresh())
    .catch(() => undefined);
  app.on('will-quit', () => {
    quickAccess.dispose();
    void api?.close();
    opener.current()?.close();
  });
}

void start();
