import {
  BRIDGE_GLOBAL,
  contract,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type RpcResponse,
} from '../../../shared/contract';
import {
  checkClipboardRequest,
  clipboardText,
  type ClipboardRequest,
} from '../../../shared/contract/clipboard';
import { TesseraError } from '../../../shared/errors';
import { webSession } from './web-session';

/**
 * The renderer's only door to main. In Electron the preload provides `window.tessera`; in a
 * browser the same calls go over the loopback socket. Nothing else in the renderer knows which.
 */
export interface RawBridge {
  rpc(channel: Channel, input: unknown): Promise<RpcResponse>;
  /**
   * Writes the values to the clipboard, one per line, and clears it after `clearAfterMs` if it
   * still holds them. Answers an error when it copied nothing.
   */
  copy(request: ClipboardRequest): Promise<RpcResponse>;
}

declare global {
  interface Window {
    [BRIDGE_GLOBAL]?: RawBridge;
  }
}

const lockedListeners = new Set<() => void>();

/** Calls `listener` whenever main answers LOCKED (auto-lock, system lock, another window). */
export function onLocked(listener: () => void): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

export async function call<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const response = await rawBridge().rpc(channel, input);
  if (!response.ok) {
    if (response.error.code === 'LOCKED') lockedListeners.forEach((listener) => listener());
    throw TesseraError.fromPayload(response.error);
  }
  return contract[channel].output.parse(response.data) as ChannelOutput<C>;
}

/** Copies a code or key; rejects with a TesseraError (shown to the person) when nothing was copied. */
export function copyText(text: string, clearAfterMs: number): Promise<void> {
  return copyCodes([text], clearAfterMs);
}

/** Copies several codes (a backup-code list), one per line. */
export async function copyCodes(values: string[], clearAfterMs: number): Promise<void> {
  const response = await rawBridge().copy(checkClipboardRequest({ values, clearAfterMs }));
  if (!response.ok) throw TesseraError.fromPayload(response.error);
}

let cached: RawBridge | undefined;

function rawBridge(): RawBridge {
  cached ??= window[BRIDGE_GLOBAL] ?? webBridge();
  return cached;
}

function webBridge(): RawBridge {
  const session = webSession();
  return {
    async rpc(channel, input) {
      const opened = await session();
      if ('error' in opened) return { ok: false, error: opened.error };
      const response = await fetch(`/rpc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...opened.headers },
        body: JSON.stringify(input ?? {}),
        credentials: 'omit',
      });
      return (await response.json()) as RpcResponse;
    },
    async copy(request) {
      const { clearAfterMs } = checkClipboardRequest(request);
      const text = clipboardText(request);
      try {
        await navigator.clipboard.writeText(text);
      } catch {
        return {
          ok: false,
          error: { code: 'CLIPBOARD_REFUSED', message: 'The browser did not let Tessera copy.' },
        };
      }
      window.setTimeout(() => {
        // Reading may be refused without permission; then leave the clipboard alone.
        navigator.clipboard
          .readText()
          .then((current) => (current === text ? navigator.clipboard.writeText('') : undefined))
          .catch(() => undefined);
      }, clearAfterMs);
      return { ok: true, data: null };
    },
  };
}

/** The reason a copy failed, in words for the person. */
export function copyFailure(error: unknown): string {
  return error instanceof TesseraError
    ? error.message
    : 'Tessera could not write to the clipboard.';
}
