import type { RpcResponse } from '../../shared/contract';
import {
  checkClipboardRequest,
  clipboardText,
  type ClipboardRequest,
} from '../../shared/contract/clipboard';
import { TesseraError } from '../../shared/errors';

/** The part of Electron's clipboard the bridge uses (a plain object in tests). */
export interface SystemClipboard {
  writeText(text: string): void | Promise<void>;
  readText(): string | Promise<string>;
  clear(): void;
}

/**
 * The clipboard IPC handler: copies a checked request and clears it later if it still holds what
 * was copied (the person may have copied something else since). A request it will not copy is
 * answered with an error the renderer shows, never a silent success.
 */
export function createClipboardBridge(clipboard: SystemClipboard) {
  return async (request: unknown): Promise<RpcResponse<null>> => {
    let checked: ClipboardRequest;
    try {
      checked = checkClipboardRequest(request);
    } catch (error) {
      return { ok: false, error: (error as TesseraError).toPayload() };
    }
    const text = clipboardText(checked);
    await clipboard.writeText(text);
    setTimeout(() => {
      void Promise.resolve(clipboard.readText()).then((current) => {
        if (current === text) clipboard.clear();
      });
    }, checked.clearAfterMs).unref();
    return { ok: true, data: null };
  };
}
