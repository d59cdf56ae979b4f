import { contextBridge, ipcRenderer } from 'electron';
import {
  BRIDGE_GLOBAL,
  CLIPBOARD_IPC_CHANNEL,
  RPC_IPC_CHANNEL,
} from '../shared/contract/bridge-names';

// The renderer gets two functions and nothing else: no ipcRenderer, no way to name another IPC
// channel. Main validates the contract channel and its payload.
contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, {
  rpc: (channel: unknown, input: unknown): Promise<unknown> =>
    ipcRenderer.invoke(RPC_IPC_CHANNEL, channel, input),
  copy: (request: unknown): Promise<unknown> => ipcRenderer.invoke(CLIPBOARD_IPC_CHANNEL, request),
});
