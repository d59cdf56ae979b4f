/** Names shared by the preload and main. Kept free of zod so the sandboxed preload stays tiny. */
export const BRIDGE_GLOBAL = 'tessera';
export const RPC_IPC_CHANNEL = 'tessera:rpc';
export const CLIPBOARD_IPC_CHANNEL = 'tessera:clipboard';
/** Browser mode: where a start link's token is traded for a session, and the header carrying it. */
export const WEB_SESSION_PATH = '/session';
export const WEB_SESSION_HEADER = 'X-Tessera-Session';
