import type { VerifyResult } from '../../shared/api';
import { acceptedOrThrow, attemptInTransaction, prepareAttempt } from './attempt';
import { formatBackupCode, generateBackupCodes } from './backup-codes';
import type { Caller } from './caller';
import type { MfaContext } from './mfa-context';
import { userNotFound } from './mfa-error';

/** Verification and the step-up operations that spend a code to change the factor. */
export function createVerifyService(ctx: MfaContext) {
  return {
    async verify(caller: Caller, userId: string, code: string): Promise<VerifyResult> {
      if (caller.policy.mode === 'OFF') {
        const row = ctx.users.forVerify(caller.clientId, userId);
        if (!row) throw userNotFound(userId);
        return { valid: true, required: false, method: 'none', backupCodesRemaining: row.backup_codes_remaining };
      }
      const prepared = prepareAttempt(ctx, caller, userId, code, true);
      const outcome = await ctx.writes.run(() => attemptInTransaction(ctx, caller, prepared));
      const ok = acceptedOrThrow(outcome, ctx.clock());
      return { valid: true, required: true, method: ok.method, backupCodesRemaining: ok.remaining };
    },

    /** Step-up with a TOTP code; the old set is void in the same transaction. */
    async regenerateBackupCodes(caller: Caller, userId: string, code: string): Promise<{ backupCodes: string[] }> {
      const prepared = prepareAttempt(ctx, caller, userId, code, false);
      const codes = generateBackupCodes(caller.policy.backupCodeCount);
      const hashes = codes.map((c) => ctx.keys.backupCodeHash(prepared.pk, c));
      const outcome = await ctx.writes.run(() => {
        const result = attemptInTransaction(ctx, caller, prepared);
        if (result.kind !== 'ok') return result;
        ctx.factors.replaceCodes(prepared.pk, hashes);
        ctx.users.setBackupCount(prepared.pk, hashes.length);
        ctx.record({ actor: caller.actor, clientId: caller.clientId, userId, event: 'backup_codes.regenerated', outcome: 'success', detail: { count: hashes.length } });
        return result;
      });
      acceptedOrThrow(outcome, ctx.clock());
      return { backupCodes: codes.map(formatBackupCode) };
    },

    /** Step-up with a TOTP or backup code, then the factor, its codes and any lock are gone. */
    async removeMfa(caller: Caller, userId: string, code: string): Promise<{ status: 'none' }> {
      const prepared = prepareAttempt(ctx, caller, userId, code, true);
      const outcome = await ctx.writes.run(() => {
        const result = attemptInTransaction(ctx, caller, prepared);
        if (result.kind !== 'ok') return result;
        const now = ctx.clock();
        ctx.users.clearFactor(prepared.pk, now);
        ctx.factors.deleteCodes(prepared.pk);
        ctx.record({ actor: caller.actor, clientId: caller.clientId, userId, event: 'mfa.removed', outcome: 'success' });
        return result;
      });
      acceptedOrThrow(outcome, ctx.clock());
      ctx.secrets.forget(prepared.factorId);
      return { status: 'none' };
    },
  };
}

export type VerifyService = ReturnType<typeof createVerifyService>;
