import type { Caller } from './caller';
import { normalizeBackupCode } from './backup-codes';
import { isLocked, LOCKED_UNTIL_ADMIN, retryAfterSeconds } from './lockout';
import type { MfaContext } from './mfa-context';
import { badCodeFormat, MfaError, notEnrolled, userNotFound } from './mfa-error';
import { matchingStep, normalizeTotpCode } from './totp';

/** The CPU part of an attempt, done before the write: find the factor, hash or match the code. */
export interface PreparedAttempt {
  pk: number;
  userId: string;
  factorId: string;
  method: 'totp' | 'backup_code';
  /** TOTP: the time step the code matched, or null for a wrong code. */
  step: number | null;
  /** Backup code: its keyed hash. */
  hash: Buffer | null;
  /** The factor came from the cache: a `stale` outcome means "read it again", not "not enrolled". */
  fromCache: boolean;
}

export type Outcome =
  | { kind: 'ok'; method: 'totp' | 'backup_code'; remaining: number }
  | { kind: 'invalid'; attemptsRemaining: number }
  | { kind: 'replayed' }
  | { kind: 'locked'; lockedUntil: number }
  /** The row no longer holds the factor the attempt was prepared against; nothing was written. */
  | { kind: 'stale' };

function enrolledFactor(ctx: MfaContext, caller: Caller, userId: string, useCache: boolean) {
  const hit = useCache ? ctx.factorCache.get(caller.clientId, userId) : undefined;
  if (hit) return { factor: hit, fromCache: true };
  const row = ctx.users.forVerify(caller.clientId, userId);
  if (!row) throw userNotFound(userId);
  if (row.totp_factor_id === null || row.totp_secret === null) throw notEnrolled();
  const factor = ctx.factorCache.remember(
    caller.clientId,
    userId,
    row.pk,
    row.totp_factor_id,
    row.totp_secret,
  );
  return { factor, fromCache: false };
}

export function prepareAttempt(
  ctx: MfaContext,
  caller: Caller,
  userId: string,
  raw: string,
  allowBackup: boolean,
  useCache: boolean,
): PreparedAttempt {
  const { factor, fromCache } = enrolledFactor(ctx, caller, userId, useCache);
  const base = { pk: factor.pk, userId, factorId: factor.factorId, fromCache };
  const totp = normalizeTotpCode(raw);
  if (totp !== null) {
    return {
      ...base,
      method: 'totp',
      step: matchingStep(
        factor.secret,
        totp,
        ctx.clock(),
        caller.policy.window,
        factor.recentCodes,
      ),
      hash: null,
    };
  }
  const backup = allowBackup ? normalizeBackupCode(raw) : null;
  if (backup !== null)
    return {
      ...base,
      method: 'backup_code',
      step: null,
      hash: ctx.keys.backupCodeHash(factor.pk, backup),
    };
  const expected = allowBackup
    ? 'the 6-digit code from the authenticator app or a 16-character backup code'
    : 'the 6-digit code from the authenticator app';
  throw badCodeFormat(expected);
}

/**
 * The write part, run inside a write-queue job, so under the database write lock: replay, lock
 * and backup-code use are decided atomically against the very factor the code was checked with
 * (every read and conditional write names it), and the audit row commits with the decision.
 * Returns an outcome instead of throwing so that the audit of a refusal is kept.
 */
export function attemptInTransaction(ctx: MfaContext, caller: Caller, p: PreparedAttempt): Outcome {
  const now = ctx.clock();
  const base = { actor: caller.actor, clientId: caller.clientId, userId: p.userId };
  const lockedNow = (): Outcome => {
    const current = ctx.users.findByPk(p.pk);
    if (!current || current.totp_factor_id !== p.factorId) return { kind: 'stale' };
    ctx.record({
      ...base,
      event: 'verify.locked',
      outcome: 'failure',
      detail: { method: p.method },
    });
    return { kind: 'locked', lockedUntil: current.locked_until ?? now };
  };
  if (p.step !== null) {
    const hot = ctx.users.hotState(p.pk);
    if (!hot || hot[0] !== p.factorId) return { kind: 'stale' };
    const [, foldedStep, failures, lockedUntil, remaining] = hot;
    if (isLocked(lockedUntil, now)) return lockedNow();
    // Read and decided under the write lock, with every accept of every process known (see
    // accept-log.ts): of two racers, the second sees the first one's step.
    if (p.step <= Math.max(foldedStep, ctx.accepts.lastStep(p.pk, p.factorId))) {
      ctx.record({
        ...base,
        event: 'verify.replayed',
        outcome: 'failure',
        detail: { method: 'totp' },
      });
      return { kind: 'replayed' };
    }
    // In good standing nothing on the row changes: the success's audit row is the guard, in the
    // accept log. Otherwise the success also clears the failures and the lapsed lock, on the row.
    // Its conditions were just checked under the same lock; if the row disagrees, the memory of
    // it is wrong, and the job fails (its writes undone, the memory dropped) rather than guess.
    const inGoodStanding = failures === 0 && lockedUntil === null;
    if (!inGoodStanding && !ctx.users.acceptTotp(p.pk, p.factorId, p.step, now))
      throw new Error('The remembered state of an MFA user disagrees with its row.');
    ctx.record({
      ...base,
      event: 'verify.success',
      outcome: 'success',
      detail: { method: 'totp' },
      accept: inGoodStanding ? { pk: p.pk, factorId: p.factorId, step: p.step } : undefined,
    });
    return { kind: 'ok', method: 'totp', remaining };
  }
  if (p.hash !== null && ctx.factors.consumeCode(p.pk, p.factorId, p.hash, now)) {
    const remaining = ctx.users.acceptBackup(p.pk, now);
    ctx.record({
      ...base,
      event: 'verify.success',
      outcome: 'success',
      detail: { method: 'backup_code', remaining },
    });
    return { kind: 'ok', method: 'backup_code', remaining };
  }
  const max = caller.policy.maxFailures;
  const counted = ctx.users.countFailure(p.pk, p.factorId, max, now);
  if (!counted) return lockedNow();
  const attemptsRemaining = Math.max(0, max - counted.failures);
  ctx.record({
    ...base,
    event: 'verify.failure',
    outcome: 'failure',
    detail: { method: p.method, attemptsRemaining },
  });
  if (counted.locked_until !== null) {
    const until = new Date(counted.locked_until).toISOString();
    ctx.record({
      ...base,
      event: 'lockout.engaged',
      outcome: 'success',
      detail: { failures: counted.failures, lockedUntil: until },
    });
  }
  return { kind: 'invalid', attemptsRemaining };
}

/** Turns a refusal into the error the API sends; an accepted attempt passes through. */
export function acceptedOrThrow(outcome: Outcome, nowMs: number): Extract<Outcome, { kind: 'ok' }> {
  switch (outcome.kind) {
    case 'ok':
      return outcome;
    case 'invalid':
      return fail(
        new MfaError('INVALID_CODE', 'The code is not valid.', {
          attemptsRemaining: outcome.attemptsRemaining,
        }),
      );
    case 'replayed':
      return fail(
        new MfaError(
          'CODE_REPLAYED',
          'This code was already used. Wait for the next code from the authenticator app.',
        ),
      );
    case 'stale':
      return fail(notEnrolled());
    case 'locked': {
      const until = new Date(outcome.lockedUntil).toISOString();
      const admin = outcome.lockedUntil >= LOCKED_UNTIL_ADMIN;
      return fail(
        admin
          ? new MfaError(
              'LOCKED',
              'Too many failed attempts: the factor is locked until an administrator unlocks it.',
              { lockedUntil: null },
            )
          : new MfaError('LOCKED', `Too many failed attempts: try again after ${until}.`, {
              lockedUntil: until,
              retryAfterSeconds: retryAfterSeconds(outcome.lockedUntil, nowMs),
            }),
      );
    }
  }
}

function fail(error: MfaError): never {
  throw error;
}
