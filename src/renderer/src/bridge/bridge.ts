import {
  BRIDGE_GLOBAL,
  contract,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type RpcResponse,
} from '../../../shared/contract';
import { TesseraError } from '../../../shared/errors';

/**
 * The renderer's only door to main. In Electron the preload provides `window.tessera`; in a
 * browser the same calls go over the loopback socket. Nothing else in the renderer knows which.
 */
export interface RawBridge {
  rpc(channel: Channel, input: unknown): Promise<RpcResponse>;
  /** Writes text to the clipboard and clears it after `clearAfterMs` if it still holds that text. */
  copyText(text: string, clearAfterMs: number): Promise<void>;
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

export function copyText(text: string, clearAfterMs: number): Promise<void> {
  return rawBridge().copyText(text, clearAfterMs);
}

let cached: RawBridge | undefined;

function rawBridge(): RawBridge {
  cached ??= window[BRIDGE_GLOBAL] ?? webBridge();
  return cached;
}

function webBridge(): RawBridge {
  return {
    async rpc(channel, input) {
      const response = await fetch(`/rpc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
      });
      return (await response.json()) as RpcResponse;
    },
    async copyText(text, clearAfterMs) {
      await navigator.clipboard.writeText(text);
      window.setTimeout(() => {
        // Reading may be refused without permission; then leave the clipboard alone.
        navigator.clipboard
          .readText()
          .then((current) => (current === text ? navigator.clipboard.writeText('') : undefined))
          .catch(() => undefined);
      }, clearAfterMs);
    },
  };
}
