/** Names shared by the preload and main. Kept free of zod so the sandboxed preload stays tiny. */
export const BRIDGE_GLOBAL = 'tessera';
export const RPC_IPC_CHANNEL = 'tessera:rpc';
export const CLIPBOARD_IPC_CHANNEL = 'tessera:clipboard';
