import { app, BrowserWindow, desktopCapturer, dialog, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openApp, type App } from '../app';
import { resolveConfig } from '../config';
import { TesseraError } from '../../shared/errors';
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
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
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

  let tessera: App;
  try {
    tessera = await openApp(resolveConfig({ dataDir: process.env.TESSERA_DATA_DIR ?? app.getPath('userData') }));
  } catch (error) {
    const message = error instanceof TesseraError ? `${error.message} [${error.code}]` : 'Tessera could not start.';
    dialog.showErrorBox('Tessera cannot open its vault', message);
    app.exit(1);
    return;
  }
  registerIpc(tessera.router('electron'), () => mainWindow?.webContents, appFileUrl);
  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let api: ApiServer | undefined;
  void startLocalApi(tessera).then((server) => (api = server));
  app.on('will-quit', () => {
    void api?.close();
    tessera.close();
  });
}

void start();
