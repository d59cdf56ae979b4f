import type { Caller } from './caller';
import { normalizeBackupCode } from './backup-codes';
import { isLocked, LOCKED_UNTIL_ADMIN, retryAfterSeconds } from './lockout';
import type { MfaCore } from './mfa-core';
import { badCodeFormat, MfaError, notEnrolled } from './mfa-error';
import type { AuditEntry, MfaTx, UserRecord } from './store/mfa-store';
import { matchingStep, normalizeTotpCode } from './totp';

/** The CPU part of an attempt, done before the transaction: match the code or hash it. */
export interface PreparedAttempt {
  pk: number;
  userId: string;
  factorId: string;
  method: 'totp' | 'backup_code';
  /** TOTP: the time step the code matched, or null for a wrong code. */
  step: number | null;
  /** Backup code: its keyed hash. */
  hash: Buffer | null;
}

export type Outcome =
  | { kind: 'ok'; method: 'totp' | 'backup_code'; remaining: number }
  | { kind: 'invalid'; attemptsRemaining: number }
  | { kind: 'replayed' }
  | { kind: 'locked'; lockedUntil: number }
  /** The row changed since the attempt was prepared (another factor, or its lock lifted); nothing was written. */
  | { kind: 'stale' };

/** Opens the user's secret (sealed on its row) and checks the code against it. */
export function prepareAttempt(
  core: MfaCore,
  caller: Caller,
  user: UserRecord,
  raw: string,
  allowBackup: boolean,
): PreparedAttempt {
  if (user.factorId === null || user.sealedSecret === null) throw notEnrolled();
  const base = { pk: user.pk, userId: user.userId, factorId: user.factorId };
  const totp = normalizeTotpCode(raw);
  if (totp !== null) {
    const secret = core.keys.open(user.sealedSecret, user.factorId);
    const step = matchingStep(secret, totp, core.clock(), caller.policy.window);
    return { ...base, method: 'totp', step, hash: null };
  }
  const backup = allowBackup ? normalizeBackupCode(raw) : null;
  if (backup !== null)
    return {
      ...base,
      method: 'backup_code',
      step: null,
      hash: core.keys.backupCodeHash(user.pk, backup),
    };
  throw badCodeFormat(
    allowBackup
      ? 'the 6-digit code from the authenticator app or a 16-character backup code'
      : 'the 6-digit code from the authenticator app',
  );
}

/** The audit row of an attempt at `now`. */
const auditEntry =
  (caller: Caller, p: PreparedAttempt, now: number) =>
  (
    event: AuditEntry['event'],
    outcome: AuditEntry['outcome'],
    detail: AuditEntry['detail'],
  ): AuditEntry => ({
    at: now,
    actor: caller.actor,
    clientId: caller.clientId,
    userId: p.userId,
    event,
    outcome,
    detail,
  });

/**
 * A TOTP code that matched `step`, accepted by the one conditional write of the port (its audit
 * row with it), or undefined when it applied nothing. `on` is a transaction, or the store, where
 * the statement is a transaction of its own.
 */
export async function acceptTotp(
  on: Pick<MfaTx, 'acceptTotp'>,
  caller: Caller,
  p: PreparedAttempt,
  step: number,
  now: number,
): Promise<Extract<Outcome, { kind: 'ok' }> | undefined> {
  const accepted = await on.acceptTotp(
    { pk: p.pk, factorId: p.factorId, step, now },
    auditEntry(caller, p, now)('verify.success', 'success', { method: 'totp' }),
  );
  return accepted && { kind: 'ok', method: 'totp', remaining: accepted.backupCodesRemaining };
}

/**
 * The decision, inside a transaction: one conditional write (accept, spend or count) whose
 * result decides; when it applied nothing, the row as it is now (read under the same write
 * lock) tells why. The audit row commits with the decision. Returns an outcome instead of
 * throwing so that the audit of a refusal is kept.
 */
export async function decide(
  tx: MfaTx,
  caller: Caller,
  p: PreparedAttempt,
  now: number,
): Promise<Outcome> {
  const entry = auditEntry(caller, p, now);
  const audit = (...args: Parameters<typeof entry>) => tx.record(entry(...args));
  /**
   * Nothing applied: locked, or the factor changed; undefined when neither (a replayed step).
   * On PostgreSQL a write that applied nothing locks no row, so an unlock may commit before this
   * read: a step still unused on a factor no longer locked was refused by that lock, and the
   * attempt is made again (as 'stale': nothing was written) rather than called a replay.
   */
  const refusal = async (): Promise<Outcome | undefined> => {
    const row = await tx.userByPk(p.pk);
    if (!row || row.factorId !== p.factorId) return { kind: 'stale' };
    if (!isLocked(row.lockedUntil, now))
      return p.step !== null && row.lastStep < p.step ? { kind: 'stale' } : undefined;
    // One row per lock period: a burst of attempts against a lock would otherwise flood the log.
    const lockedUntil = new Date(row.lockedUntil!).toISOString();
    const [last] = await tx.audit({
      clientId: caller.clientId,
      userId: p.userId,
      event: 'verify.locked',
      limit: 1,
    });
    if (last?.detail?.lockedUntil !== lockedUntil)
      await audit('verify.locked', 'failure', { method: p.method, lockedUntil });
    return { kind: 'locked', lockedUntil: row.lockedUntil! };
  };
  const key = { pk: p.pk, factorId: p.factorId, now };
  if (p.step !== null) {
    const accepted = await acceptTotp(tx, caller, p, p.step, now);
    if (accepted) return accepted;
    const why = await refusal();
    if (why) return why;
    await audit('verify.replayed', 'failure', { method: 'totp' });
    return { kind: 'replayed' };
  }
  if (p.hash !== null) {
    const spent = await tx.spendBackupCode({ ...key, hash: p.hash });
    if (spent) {
      const remaining = spent.backupCodesRemaining;
      await audit('verify.success', 'success', { method: 'backup_code', remaining });
      return { kind: 'ok', method: 'backup_code', remaining };
    }
  }
  const max = caller.policy.maxFailures;
  const counted = await tx.countFailure({ ...key, maxFailures: max });
  if (!counted) return (await refusal()) ?? { kind: 'stale' };
  const attemptsRemaining = Math.max(0, max - counted.failures);
  await audit('verify.failure', 'failure', { method: p.method, attemptsRemaining });
  if (counted.lockedUntil !== null) {
    const lockedUntil = new Date(counted.lockedUntil).toISOString();
    await audit('lockout.engaged', 'success', { failures: counted.failures, lockedUntil });
  }
  return { kind: 'invalid', attemptsRemaining };
}

export const lockedError = (lockedUntil: number, nowMs: number): MfaError =>
  lockedUntil >= LOCKED_UNTIL_ADMIN
    ? new MfaError(
        'LOCKED',
        'Too many failed attempts: the factor is locked until an administrator unlocks it.',
        { lockedUntil: null },
      )
    : new MfaError(
        'LOCKED',
        `Too many failed attempts: try again after ${new Date(lockedUntil).toISOString()}.`,
        {
          lockedUntil: new Date(lockedUntil).toISOString(),
          retryAfterSeconds: retryAfterSeconds(lockedUntil, nowMs),
        },
      );

/** Turns a refusal into the error the API sends; an accepted attempt passes through. */
export function acceptedOrThrow(outcome: Outcome, nowMs: number): Extract<Outcome, { kind: 'ok' }> {
  switch (outcome.kind) {
    case 'ok':
      return outcome;
    case 'invalid':
      throw new MfaError('INVALID_CODE', 'The code is not valid.', {
        attemptsRemaining: outcome.attemptsRemaining,
      });
    case 'replayed':
      throw new MfaError(
        'CODE_REPLAYED',
        'This code was already used. Wait for the next code from the authenticator app.',
      );
    case 'stale':
      throw notEnrolled();
    case 'locked':
      throw lockedError(outcome.lockedUntil, nowMs);
  }
}
