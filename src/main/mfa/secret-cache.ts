import type { MfaKeys } from './mfa-keys';

/** Bounded so a server with very many users cannot grow without limit; refilled on demand. */
const MAX_ENTRIES = 100_000;

/**
 * Opened TOTP secrets by factor id. A factor's secret never changes (a new enrollment gets a new
 * id), so a cached entry can never be stale; accept/lock decisions are still made in the database.
 */
export function createSecretCache(keys: MfaKeys) {
  const cache = new Map<string, Buffer>();
  return {
    open(factorId: string, sealed: Buffer): Buffer {
      let secret = cache.get(factorId);
      if (!secret) {
        secret = keys.open(sealed, factorId);
        if (cache.size >= MAX_ENTRIES) cache.clear();
        cache.set(factorId, secret);
      }
      return secret;
    },
    forget: (factorId: string) => cache.delete(factorId),
  };
}

export type SecretCache = ReturnType<typeof createSecretCache>;
