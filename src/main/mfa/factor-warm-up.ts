import { MAX_CACHED_FACTORS } from './factor-cache';
import type { MfaContext } from './mfa-context';

/**
 * Pks per event-loop turn: each enrolled one opens a sealed secret (a few µs), so a turn stays
 * near 2 ms however many of them are enrolled.
 */
const PKS_PER_TURN = 512;
/** Room is left for users enrolled later: a full cache starts over (factor-cache.ts). */
const WARM_AT_MOST = Math.floor(MAX_CACHED_FACTORS * 0.8);

/**
 * Fills the factor cache with the enrolled users after a start, in the background: without it
 * each user's first verify reads its row (pages decrypted from disk), opens its secret and
 * computes its codes on the request thread, and its decision reads the row again. Measured: a
 * bench whose 200,000 users each verify two or three times ran at 0.33-0.38× the bare route
 * right after a restart, and 0.55-0.68× with the warm-up (about 0.65× when warm). The rows' hot
 * states (user-repository.ts) come along. A slice per event-loop turn, in pk order, so requests
 * are served in between; users that a request cached first are left as they are. An entry may
 * go stale like any other (see factor-cache.ts): every write that decides an attempt names the
 * factor.
 */
export function startFactorWarmUp(ctx: Pick<MfaContext, 'db' | 'factorCache' | 'users'>): {
  stop(): void;
} {
  const lastPk = ctx.users.largestPk();
  let after = 0;
  let timer: NodeJS.Immediate | undefined;
  const turn = () => {
    timer = undefined;
    if (!ctx.db.open) return;
    const upTo = after + PKS_PER_TURN;
    for (const { pk, clientId, userId, factorId, sealed } of ctx.users.enrolledIn(after, upTo)) {
      if (ctx.factorCache.get(clientId, userId)) continue;
      try {
        ctx.factorCache.remember(clientId, userId, pk, factorId, sealed);
      } catch {
        // A secret that does not open is left to the verify, which reports it.
      }
    }
    after = upTo;
    if (after < lastPk && ctx.factorCache.size() < WARM_AT_MOST) timer = setImmediate(turn);
  };
  timer = setImmediate(turn);
  return {
    stop() {
      if (timer) clearImmediate(timer);
      timer = undefined;
    },
  };
}
