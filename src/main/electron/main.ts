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

  if (devServer) void window.loadURL(devServer);
  else void window.loadFile(rendererIndex);
  return window;
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
      // Awaited so the window's first `app.info` already knows whether the API is up; a failure
      // (a port held by another program) is shown there, and the authenticator stays usable.
      api = await startLocalApi(opened).catch((error: unknown) => {
        console.error(`tessera: the verification API did not start: ${(error as Error).message}`);
        return undefined;
      });
      return opened;
    },
  );
  registerIpc(deferredRouter(opener, 'electron'), () => mainWindow?.webContents, appFileUrl);
  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void opener.open().catch(() => undefined);
  app.on('will-quit', () => {
    void api?.close();
    opener.current()?.close();
  });
}

void start();
