import { app, BrowserWindow, desktopCapturer, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openApp } from '../app';
import { createAppOpener, deferredRouter } from '../ipc/deferred-router';
import { resolveConfig } from '../config';
import { registerIpc } from './ipc';
import { isAppUrl, windowOptions } from './window-options';
import { CONTENT_SECURITY_POLICY } from '../web/web-server';
import { startLocalApi } from '../api/start-local-api';
import type { ApiServer } from '../api/server';
import { startQuickAccess } from './quick-access';

let mainWindow: BrowserWindow | undefined;
const rendererIndex = join(__dirname, '../renderer/index.html');
const appFileUrl = pathToFileURL(rendererIndex).href;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(windowOptions(join(__dirname, '../preload/index.js')));
  window.setContentProtection(true);
  window.once('ready-to-show', () => window.show());
  const devServer = process.env.ELECTRON_RENDERER_URL;

  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServer, appFileUrl)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());

  loadRenderer(window);
  return window;
}

/** The renderer bundle (or the dev server); `hash` picks a view, e.g. `quick` for quick search. */
function loadRenderer(window: BrowserWindow, hash?: string): void {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (devServer) void window.loadURL(hash ? `${devServer}#${hash}` : devServer);
  else void window.loadFile(rendererIndex, hash ? { hash } : {});
}

function hardenSession(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
  // A camera for QR scanning is the only permission the app ever asks for.
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(permission === 'media'),
  );
  // "Scan QR code on screen": getDisplayMedia in the renderer, answered with the OS picker where
  // there is one, else the primary screen.
  session.defaultSession.setDisplayMediaRequestHandler(
    (_request, callback) => {
      void desktopCapturer.getSources({ types: ['screen'] }).then(
        (sources) => callback(sources[0] ? { video: sources[0] } : {}),
        () => callback({}),
      );
    },
    { useSystemPicker: true },
  );
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
  hardenSession();

  // The window opens even when the vault cannot (locked keychain, wrong key...): the renderer
  // shows the reason and retries through the deferred router. The API starts with the first
  // successful open, whether that is at launch or after "Try again".
  let api: ApiServer | undefined;
  const opener = createAppOpener(
    resolveConfig({ dataDir: process.env.TESSERA_DATA_DIR ?? app.getPath('userData') }),
    async (config) => {
      const opened = await openApp(config);
      void startLocalApi(opened).then((server) => (api = server));
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
    appFileUrl,
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
