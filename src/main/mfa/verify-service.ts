import type { VerifyResult } from '../../shared/api';
import {
  acceptedOrThrow,
  acceptTotp,
  decide,
  prepareAttempt,
  type Outcome,
  type PreparedAttempt,
} from './attempt';
import { formatBackupCode, generateBackupCodes } from './backup-codes';
import type { Caller } from './caller';
import type { MfaCore } from './mfa-core';
import { userNotFound } from './mfa-error';
import type { MfaTx } from './store/mfa-store';

/** What a step-up does once its code is spent, in the same transaction. */
type Then = (tx: MfaTx, p: PreparedAttempt, now: number) => Promise<void>;

/** Verification and the step-up operations that spend a code to change the factor. */
export function createVerifyService(core: MfaCore) {
  const { store, clock } = core;

  /**
   * Reads the user, checks the code against its factor, and decides: a matching code first by
   * the accept alone; a refusal, a wrong code or a step-up in one transaction. If the factor
   * changed in between (a reset, a re-enrollment), nothing was written, and the attempt is made
   * once more from a fresh read.
   */
  async function attempt(
    caller: Caller,
    userId: string,
    code: string,
    allowBackup: boolean,
    then?: Then,
  ): Promise<Outcome> {
    for (let tries = 0; ; tries++) {
      const user = await store.read.user(caller.clientId, userId);
      if (!user) throw userNotFound(userId);
      const prepared = prepareAttempt(core, caller, user, code, allowBackup);
      // A code that matches is accepted by one statement, a transaction of its own; only a
      // refusal (or a step-up, which changes more) needs the transaction below.
      if (prepared.step !== null && !then) {
        const accepted = await acceptTotp(store, caller, prepared, prepared.step, clock());
        if (accepted) return accepted;
      }
      const outcome = await store.transaction(async (tx) => {
        const now = clock();
        const decided = await decide(tx, caller, prepared, now);
        if (decided.kind === 'ok' && then) await then(tx, prepared, now);
        return decided;
      });
      if (outcome.kind !== 'stale' || tries > 0) return outcome;
    }
  }

  return {
    async verify(caller: Caller, userId: string, code: string): Promise<VerifyResult> {
      if (caller.policy.mode === 'OFF') {
        const user = await store.read.user(caller.clientId, userId);
        if (!user) throw userNotFound(userId);
        const backupCodesRemaining = user.backupCodesRemaining;
        return { valid: true, required: false, method: 'none', backupCodesRemaining };
      }
      const ok = acceptedOrThrow(await attempt(caller, userId, code, true), clock());
      return { valid: true, required: true, method: ok.method, backupCodesRemaining: ok.remaining };
    },

    /** Step-up with a TOTP code; the old set is void in the same transaction. */
    async regenerateBackupCodes(caller: Caller, userId: string, code: string) {
      const codes = generateBackupCodes(caller.policy.backupCodeCount);
      const outcome = await attempt(caller, userId, code, false, async (tx, p, now) => {
        // Keyed by the row, so hashed here where the row is known to hold this factor.
        const hashes = codes.map((c) => core.keys.backupCodeHash(p.pk, c));
        await tx.replaceBackupCodes(p.pk, p.factorId, hashes);
        await tx.record({
          at: now,
          actor: caller.actor,
          clientId: caller.clientId,
          userId,
          event: 'backup_codes.regenerated',
          outcome: 'success',
          detail: { count: hashes.length },
        });
      });
      acceptedOrThrow(outcome, clock());
      return { backupCodes: codes.map(formatBackupCode) };
    },

    /** Step-up with a TOTP or backup code, then the factor, its codes and any lock are gone. */
    async removeMfa(caller: Caller, userId: string, code: string): Promise<{ status: 'none' }> {
      const outcome = await attempt(caller, userId, code, true, async (tx, p, now) => {
        await tx.clearFactor(p.pk, now);
        await tx.record({
          at: now,
          actor: caller.actor,
          clientId: caller.clientId,
          userId,
          event: 'mfa.removed',
          outcome: 'success',
        });
      });
      acceptedOrThrow(outcome, clock());
      return { status: 'none' };
    },
  };
}

export type VerifyService = ReturnType<typeof createVerifyService>;
