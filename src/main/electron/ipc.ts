import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CLIPBOARD_IPC_CHANNEL, RPC_IPC_CHANNEL } from '../../shared/contract/bridge-names';
import type { Router } from '../ipc/router';
import { copyThenClear } from './clipboard-clear';
import { isAppUrl } from './window-options';

/** Every handler first checks that the call comes from one of our windows' own top frame. */
function trusted(
  event: IpcMainInvokeEvent,
  ours: (contents: WebContents) => boolean,
  appFileUrl: string,
): boolean {
  const frame = event.senderFrame;
  return (
    ours(event.sender) &&
    frame !== null &&
    frame === event.sender.mainFrame &&
    isAppUrl(frame.url, process.env.ELECTRON_RENDERER_URL, appFileUrl)
  );
}

export function registerIpc(
  router: Router,
  ours: (contents: WebContents) => boolean,
  appFileUrl: string,
): void {
  ipcMain.handle(RPC_IPC_CHANNEL, (event, channel: unknown, input: unknown) => {
    if (!trusted(event, ours, appFileUrl)) {
      return {
        ok: false,
        error: { code: 'FORBIDDEN_SENDER', message: 'IPC from an untrusted frame.' },
      };
    }
    return router(channel, input);
  });

  ipcMain.handle(CLIPBOARD_IPC_CHANNEL, (event, text: unknown, clearAfterMs: unknown) => {
    if (!trusted(event, ours, appFileUrl) || typeof text !== 'string' || text.length > 64) return;
    copyThenClear(text, clearAfterMs);
  });
}
