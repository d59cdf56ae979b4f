import type { VaultLock } from '../vault/lock/vault-lock';
import { lockedError } from '../vault/lock/vault-keys';
import type { Router } from './router';

/** Channels that read or write the vault: all of them answer LOCKED while the app is locked. */
const VAULT_PREFIXES = ['vault.', 'recovery.', 'import.', 'export.'];

export function isVaultChannel(channel: unknown): boolean {
  return typeof channel === 'string' && VAULT_PREFIXES.some((prefix) => channel.startsWith(prefix));
}

/** A router whose vault channels fail with LOCKED, before any validation, while the app is locked. */
export function lockedGate(lock: Pick<VaultLock, 'isLocked'>, router: Router): Router {
  return (channel, payload) =>
    isVaultChannel(channel) && lock.isLocked()
      ? Promise.resolve({ ok: false, error: lockedError().toPayload() })
      : router(channel, payload);
}
