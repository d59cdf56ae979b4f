import type { VerifyResult } from '../../shared/api';
import {
  acceptedOrThrow,
  attemptInTransaction,
  prepareAttempt,
  type Outcome,
  type PreparedAttempt,
} from './attempt';
import { formatBackupCode, generateBackupCodes } from './backup-codes';
import type { Caller } from './caller';
import type { MfaContext } from './mfa-context';
import { userNotFound } from './mfa-error';

/** Verification and the step-up operations that spend a code to change the factor. */
export function createVerifyService(ctx: MfaContext) {
  /** Decides a prepared attempt in a write-queue job; `onAccepted` runs in it once the code is spent. */
  function decide(
    caller: Caller,
    prepared: PreparedAttempt,
    onAccepted?: (p: PreparedAttempt) => void,
  ): Promise<Outcome> {
    return ctx.writes.run((): Outcome => {
      const result = attemptInTransaction(ctx, caller, prepared);
      if (result.kind === 'ok') onAccepted?.(prepared);
      return result;
    });
  }

  /**
   * Checks the code against the cached factor and decides in one write-queue job. A stale cache
   * entry wrote nothing (every deciding statement names the factor), so the attempt is simply
   * redone from a fresh read. A promise chain, not an async function: on the hot path each async
   * layer keeps a suspended frame per request (about 0.5 KB, measured). Throws synchronously for
   * what is refused before any write (an unknown user, a malformed code).
   */
  function attempt(
    caller: Caller,
    userId: string,
    code: string,
    allowBackup: boolean,
    onAccepted?: (p: PreparedAttempt) => void,
  ): Promise<Outcome> {
    const cached = prepareAttempt(ctx, caller, userId, code, allowBackup, true);
    return decide(caller, cached, onAccepted).then((outcome) => {
      if (outcome.kind !== 'stale' || !cached.fromCache) return outcome;
      ctx.factorCache.forget(caller.clientId, userId);
      const fresh = prepareAttempt(ctx, caller, userId, code, allowBackup, false);
      return decide(caller, fresh, onAccepted);
    });
  }

  return {
    /** A promise chain too (see `attempt`); whatever is refused comes as a rejection. */
    verify(caller: Caller, userId: string, code: string): Promise<VerifyResult> {
      try {
        if (caller.policy.mode === 'OFF') {
          const row = ctx.users.forVerify(caller.clientId, userId);
          if (!row) throw userNotFound(userId);
          return Promise.resolve({
            valid: true,
            required: false,
            method: 'none',
            backupCodesRemaining: row.backup_codes_remaining,
          });
        }
        return attempt(caller, userId, code, true).then((outcome) => {
          const ok = acceptedOrThrow(outcome, ctx.clock());
          return {
            valid: true,
            required: true,
            method: ok.method,
            backupCodesRemaining: ok.remaining,
          };
        });
      } catch (error) {
        return Promise.reject(error as Error);
      }
    },

    /** Step-up with a TOTP code; the old set is void in the same transaction. */
    async regenerateBackupCodes(
      caller: Caller,
      userId: string,
      code: string,
    ): Promise<{ backupCodes: string[] }> {
      const codes = generateBackupCodes(caller.policy.backupCodeCount);
      const outcome = await attempt(caller, userId, code, false, (p) => {
        // Keyed by the row, so hashed here where the row is known to hold this factor.
        const hashes = codes.map((c) => ctx.keys.backupCodeHash(p.pk, c));
        ctx.factors.replaceCodes(p.pk, hashes);
        ctx.users.setBackupCount(p.pk, hashes.length);
        ctx.record({
          actor: caller.actor,
          clientId: caller.clientId,
          userId,
          event: 'backup_codes.regenerated',
          outcome: 'success',
          detail: { count: hashes.length },
        });
      });
      acceptedOrThrow(outcome, ctx.clock());
      return { backupCodes: codes.map(formatBackupCode) };
    },

    /** Step-up with a TOTP or backup code, then the factor, its codes and any lock are gone. */
    async removeMfa(caller: Caller, userId: string, code: string): Promise<{ status: 'none' }> {
      const outcome = await attempt(caller, userId, code, true, (p) => {
        // The code just spent is the factor's last verification.
        const now = ctx.clock();
        ctx.users.clearFactor(p.pk, now, now);
        ctx.factors.deleteCodes(p.pk);
        ctx.record({
          actor: caller.actor,
          clientId: caller.clientId,
          userId,
          event: 'mfa.removed',
          outcome: 'success',
        });
      });
      acceptedOrThrow(outcome, ctx.clock());
      ctx.factorCache.forget(caller.clientId, userId);
      return { status: 'none' };
    },
  };
}

export type VerifyService = ReturnType<typeof createVerifyService>;
