import type { CodesAhead } from './codes-ahead';
import type { MfaKeys } from './mfa-keys';
import { noRecentCodes, type RecentCodes } from './totp';

/** Bounded so a server with very many users cannot grow without limit; refilled on demand. */
export const MAX_CACHED_FACTORS = 500_000;

/** What a verify needs of an enrolled user: its row, its factor and the opened secret. */
export interface CachedFactor {
  pk: number;
  factorId: string;
  secret: Buffer;
  recentCodes: RecentCodes;
}

/**
 * Enrolled factors by (client, user), so a verify skips its read (a WAL read transaction and an
 * index walk through decrypted pages). An entry may go stale (reset, re-enrollment, a user
 * deleted and re-created, another process): every write that decides an attempt names the
 * factor id, so a stale entry cannot accept, count or consume anything; it is seen as "the factor
 * changed" and the attempt is redone from a fresh read. Only enrolled users are cached.
 */
export function createFactorCache(keys: MfaKeys, ahead: Pick<CodesAhead, 'track' | 'releaseAll'>) {
  // By client, then user: no key string to build and hash on every lookup.
  const byClient = new Map<string, Map<string, CachedFactor>>();
  let size = 0;
  return {
    get: (clientId: string, userId: string) => byClient.get(clientId)?.get(userId),
    size: () => size,

    /**
     * Opens the sealed secret of an enrolled row and keeps it, with the codes already computed
     * from it (a confirm's), if any.
     */
    remember(
      clientId: string,
      userId: string,
      pk: number,
      factorId: string,
      sealed: Buffer,
      recentCodes: RecentCodes = noRecentCodes(),
    ): CachedFactor {
      const secret = keys.open(sealed, factorId);
      if (size >= MAX_CACHED_FACTORS) {
        byClient.clear();
        ahead.releaseAll();
        size = 0;
      }
      let users = byClient.get(clientId);
      if (!users) byClient.set(clientId, (users = new Map()));
      const replaced = users.get(userId);
      if (replaced) replaced.recentCodes.ahead?.release();
      else size++;
      recentCodes.ahead = ahead.track(secret);
      const entry = { pk, factorId, secret, recentCodes };
      users.set(userId, entry);
      return entry;
    },

    forget(clientId: string, userId: string): void {
      const users = byClient.get(clientId);
      const entry = users?.get(userId);
      if (!entry) return;
      users!.delete(userId);
      entry.recentCodes.ahead?.release();
      size--;
    },
  };
}

export type FactorCache = ReturnType<typeof createFactorCache>;
