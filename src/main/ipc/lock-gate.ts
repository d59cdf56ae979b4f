import type { VaultLock } from '../vault/lock/vault-lock';
import type { Handlers } from './router';

/** Channels that read or write the vault: all of them answer LOCKED while the app is locked. */
const VAULT_PREFIXES = ['vault.', 'recovery.', 'import.', 'export.'];

export function isVaultChannel(channel: string): boolean {
  return VAULT_PREFIXES.some((prefix) => channel.startsWith(prefix));
}

/** Wraps every vault channel so it fails with LOCKED before its handler runs. */
export function gateLocked(handlers: Handlers, lock: Pick<VaultLock, 'keys'>): Handlers {
  const gated: Record<string, (input: never) => unknown> = { ...handlers };
  for (const [channel, handler] of Object.entries(handlers)) {
    if (!isVaultChannel(channel)) continue;
    gated[channel] = (input: never) => {
      lock.keys();
      return (handler as (input: never) => unknown)(input);
    };
  }
  return gated as Handlers;
}
