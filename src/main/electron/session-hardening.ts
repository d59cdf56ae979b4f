import { desktopCapturer, dialog, session, type BrowserWindow } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../web/web-server';
import { permissionCheckPassed, permissionGranted } from './permissions';
import { chosenScreen, screenChoiceDialog } from './screen-chooser';
import { isAppUrl } from './renderer-source';

/** Asks which screen to scan; resolves with the chosen source or undefined (cancelled). */
async function askForScreen(window: BrowserWindow | undefined) {
  const sources = await desktopCapturer.getSources({
    types: ['screen'],
    thumbnailSize: { width: 0, height: 0 },
  });
  const options = screenChoiceDialog(sources);
  const { response } = window
    ? await dialog.showMessageBox(window, options)
    : await dialog.showMessageBox(options);
  return chosenScreen(sources, response);
}

/** CSP on every response, permissions for our own frame only, and a screen chooser. */
export function hardenSession(appOrigin: string, window: () => BrowserWindow | undefined): void {
  const ses = session.defaultSession;
  // The dev server's responses (app:// responses carry the CSP themselves).
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(
      permissionGranted(permission, details as Parameters<typeof permissionGranted>[1], appOrigin),
    ),
  );
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    permissionCheckPassed(
      permission,
      { requestingOrigin, isMainFrame: details.isMainFrame, mediaType: details.mediaType },
      appOrigin,
    ),
  );
  // "Scan QR code on screen": the OS picker where there is one (useSystemPicker); elsewhere this
  // handler runs and the person chooses the screen, instead of the primary one being taken.
  ses.setDisplayMediaRequestHandler(
    (request, callback) => {
      if (!isAppUrl(request.frame?.url ?? '', appOrigin)) {
        callback({});
        return;
      }
      void askForScreen(window()).then(
        (source) => callback(source ? { video: source } : {}),
        () => callback({}),
      );
    },
    { useSystemPicker: true },
  );
}
