import type { z } from 'zod';
import type { ErrorPayload } from '../errors';
import { adminChannels } from './admin';
import { appChannels } from './app';
import { importChannels } from './import';
import { lockChannels } from './lock';
import { recoveryChannels } from './recovery';
import { organisationChannels } from './organisation';
import { vaultChannels } from './vault';

/**
 * The single map of every call that crosses the renderer/main boundary. Both transports (Electron
 * IPC and the browser-mode socket) carry exactly these channels, validated on both ends.
 */
export const contract = {
  ...appChannels,
  ...vaultChannels,
  ...lockChannels,
  ...recoveryChannels,
  ...organisationChannels,
  ...importChannels,
  ...adminChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export type RpcResponse<T = unknown> = { ok: true; data: T } | { ok: false; error: ErrorPayload };

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

export { BRIDGE_GLOBAL, CLIPBOARD_IPC_CHANNEL, RPC_IPC_CHANNEL } from './bridge-names';
