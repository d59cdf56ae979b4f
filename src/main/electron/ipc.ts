import { clipboard, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CLIPBOARD_IPC_CHANNEL, RPC_IPC_CHANNEL } from '../../shared/contract/bridge-names';
import type { Router } from '../ipc/router';
import { isAppUrl } from './renderer-source';

const MAX_CLEAR_MS = 5 * 60 * 1000;

/** Every handler first checks that the call comes from our window's own top frame. */
function trusted(
  event: IpcMainInvokeEvent,
  window: () => WebContents | undefined,
  appOrigin: string,
): boolean {
  const frame = event.senderFrame;
  return (
    event.sender === window() &&
    frame !== null &&
    frame === event.sender.mainFrame &&
    isAppUrl(frame.url, appOrigin)
  );
}

export function registerIpc(
  router: Router,
  window: () => WebContents | undefined,
  appOrigin: string,
): void {
  ipcMain.handle(RPC_IPC_CHANNEL, (event, channel: unknown, input: unknown) => {
    if (!trusted(event, window, appOrigin)) {
      return {
        ok: false,
        error: { code: 'FORBIDDEN_SENDER', message: 'IPC from an untrusted frame.' },
      };
    }
    return router(channel, input);
  });

  ipcMain.handle(CLIPBOARD_IPC_CHANNEL, (event, text: unknown, clearAfterMs: unknown) => {
    if (!trusted(event, window, appOrigin) || typeof text !== 'string' || text.length > 64) return;
    clipboard.writeText(text);
    const delay =
      typeof clearAfterMs === 'number' ? Math.min(Math.max(clearAfterMs, 0), MAX_CLEAR_MS) : 30_000;
    // Only clear what we put there: the person may have copied something else since.
    setTimeout(() => {
      void Promise.resolve(clipboard.readText()).then((current) => {
        if (current === text) clipboard.clear();
      });
    }, delay).unref();
  });
}
