import { clipboard, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CLIPBOARD_IPC_CHANNEL, RPC_IPC_CHANNEL } from '../../shared/contract/bridge-names';
import type { Router } from '../ipc/router';
import { createClipboardBridge } from './clipboard-bridge';
import { isAppUrl } from './renderer-source';

/** Every handler first checks that the call comes from one of our windows' own top frame. */
function trusted(
  event: IpcMainInvokeEvent,
  ours: (contents: WebContents) => boolean,
  appOrigin: string,
): boolean {
  const frame = event.senderFrame;
  return (
    ours(event.sender) &&
    frame !== null &&
    frame === event.sender.mainFrame &&
    isAppUrl(frame.url, appOrigin)
  );
}

export function registerIpc(
  router: Router,
  ours: (contents: WebContents) => boolean,
  appOrigin: string,
): void {
  ipcMain.handle(RPC_IPC_CHANNEL, (event, channel: unknown, input: unknown) => {
    if (!trusted(event, ours, appOrigin)) {
      return {
        ok: false,
        error: { code: 'FORBIDDEN_SENDER', message: 'IPC from an untrusted frame.' },
      };
    }
    return router(channel, input);
  });

  const copy = createClipboardBridge(clipboard);
  ipcMain.handle(CLIPBOARD_IPC_CHANNEL, (event, request: unknown) =>
    trusted(event, ours, appOrigin)
      ? copy(request)
      : { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'IPC from an untrusted frame.' } },
  );
}
