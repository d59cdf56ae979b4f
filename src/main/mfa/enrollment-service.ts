import { randomBytes, randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import { formatOtpauthUri } from '../../shared/otpauth-uri';
import { bytesToBase32 } from '../../shared/secret';
import { lockedError } from './attempt';
import { formatBackupCode, generateBackupCodes } from './backup-codes';
import type { Caller } from './caller';
import type { MfaCore } from './mfa-core';
import { badCodeFormat, MfaError, userNotFound } from './mfa-error';
import type { UserRecord } from './store/mfa-store';
import {
  matchingStep,
  normalizeTotpCode,
  TOTP_DIGITS,
  TOTP_PERIOD_SECONDS,
  TOTP_SECRET_BYTES,
} from './totp';
import { isLocked } from './lockout';

/** A pending enrollment lives this long; the user scans the QR code and types one code. */
export const ENROLLMENT_TTL_MS = 10 * 60 * 1000;

type WrongCode =
  | { kind: 'counted'; attemptsRemaining: number }
  | { kind: 'locked'; lockedUntil: number; now: number }
  | { kind: 'enrolled' };

export interface EnrollInput {
  issuer?: string | undefined;
  label?: string | undefined;
}

const alreadyEnrolled = () =>
  new MfaError(
    'ALREADY_ENROLLED',
    'This user already has an authenticator. Remove it (DELETE /v1/users/{userId}/mfa) or ask an admin to reset it first.',
  );
const notFound = () =>
  new MfaError(
    'ENROLLMENT_NOT_FOUND',
    'No pending enrollment with this enrollmentId for this user; start a new one.',
  );
const expired = () =>
  new MfaError(
    'ENROLLMENT_EXPIRED',
    'This enrollment expired (10 minutes); start a new one with POST /v1/users/{userId}/totp.',
  );
const mismatch = (attemptsRemaining: number) =>
  new MfaError(
    'INVALID_CODE',
    'The code does not match; check the device clock and type the current code.',
    { attemptsRemaining },
  );

export function createEnrollmentService(core: MfaCore) {
  const { store, clock, keys } = core;

  async function unenrolledUser(caller: Caller, userId: string): Promise<UserRecord> {
    const user = await store.read.user(caller.clientId, userId);
    if (!user) throw userNotFound(userId);
    if (user.factorId !== null) throw alreadyEnrolled();
    return user;
  }

  /**
   * A wrong code at confirm counts as a failure, with the lockout of a verify (guessing the
   * code of a pending enrollment is guessing a code). What the count ran into is thrown.
   */
  async function countWrongCode(caller: Caller, user: UserRecord): Promise<never> {
    const result = await store.transaction(async (tx): Promise<WrongCode> => {
      const now = clock();
      const max = caller.policy.maxFailures;
      const counted = await tx.countFailure({ pk: user.pk, factorId: null, maxFailures: max, now });
      if (!counted) {
        // Not counted: locked, or enrolled meanwhile; the row tells which.
        const row = await tx.userByPk(user.pk);
        if (row && row.factorId === null && row.lockedUntil !== null)
          return { kind: 'locked', lockedUntil: row.lockedUntil, now };
        return { kind: 'enrolled' };
      }
      const base = { at: now, actor: caller.actor, clientId: caller.clientId, userId: user.userId };
      const attemptsRemaining = Math.max(0, max - counted.failures);
      await tx.record({
        ...base,
        event: 'totp.enroll_failed',
        outcome: 'failure',
        detail: { attemptsRemaining },
      });
      if (counted.lockedUntil !== null)
        await tx.record({
          ...base,
          event: 'lockout.engaged',
          outcome: 'success',
          detail: {
            failures: counted.failures,
            lockedUntil: new Date(counted.lockedUntil).toISOString(),
          },
        });
      return { kind: 'counted', attemptsRemaining };
    });
    if (result.kind === 'counted') throw mismatch(result.attemptsRemaining);
    if (result.kind === 'locked') throw lockedError(result.lockedUntil, result.now);
    throw alreadyEnrolled();
  }

  return {
    async start(caller: Caller, userId: string, input: EnrollInput, withQr: boolean) {
      const user = await unenrolledUser(caller, userId);
      const secret = randomBytes(TOTP_SECRET_BYTES);
      const enrollmentId = randomUUID();
      const sealedSecret = keys.seal(secret, enrollmentId);
      const now = clock();
      const expiresAt = now + ENROLLMENT_TTL_MS;
      await store.transaction(async (tx) => {
        await tx.putPending({
          id: enrollmentId,
          userPk: user.pk,
          sealedSecret,
          expiresAt,
          createdAt: now,
        });
        await tx.record({
          at: now,
          actor: caller.actor,
          clientId: caller.clientId,
          userId,
          event: 'totp.enroll_started',
          outcome: 'success',
        });
      });
      const base32 = bytesToBase32(secret);
      const otpauthUri = formatOtpauthUri({
        issuer: input.issuer ?? caller.clientName,
        name: input.label ?? userId,
        secret: base32,
        type: 'totp',
        algorithm: 'SHA1',
        digits: TOTP_DIGITS,
        period: TOTP_PERIOD_SECONDS,
        counter: 0,
      });
      const qrCodePng = withQr
        ? await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2 })
        : undefined;
      return {
        enrollmentId,
        secret: base32,
        otpauthUri,
        ...(qrCodePng ? { qrCodePng } : {}),
        expiresAt: new Date(expiresAt).toISOString(),
      };
    },

    async confirm(caller: Caller, userId: string, enrollmentId: string, code: string) {
      const user = await unenrolledUser(caller, userId);
      const pending = await store.read.pendingEnrollment(enrollmentId, user.pk);
      if (!pending) throw notFound();
      const now = clock();
      if (pending.expiresAt <= now) throw expired();
      const totp = normalizeTotpCode(code);
      if (totp === null) throw badCodeFormat('the 6-digit code from the authenticator app');
      if (isLocked(user.lockedUntil, now)) throw lockedError(user.lockedUntil!, now);
      const secret = keys.open(pending.sealedSecret, enrollmentId);
      const step = matchingStep(secret, totp, now, caller.policy.window);
      if (step === null) return countWrongCode(caller, user);
      const codes = generateBackupCodes(caller.policy.backupCodeCount);
      const backupCodeHashes = codes.map((c) => keys.backupCodeHash(user.pk, c));
      const result = await store.transaction(async (tx) => {
        const at = clock();
        // The compare-and-set: of two parallel confirms only one finds the pending row.
        const confirmed = await tx.confirmEnrollment({
          pk: user.pk,
          enrollmentId,
          sealedSecret: pending.sealedSecret,
          step,
          backupCodeHashes,
          now: at,
        });
        if (confirmed === 'ok')
          await tx.record({
            at,
            actor: caller.actor,
            clientId: caller.clientId,
            userId,
            event: 'totp.enroll_confirmed',
            outcome: 'success',
          });
        return confirmed;
      });
      if (result === 'gone') throw notFound();
      if (result === 'enrolled') throw alreadyEnrolled();
      if (result === 'locked')
        throw lockedError((await store.read.userByPk(user.pk))?.lockedUntil ?? now, now);
      return { status: 'enrolled' as const, backupCodes: codes.map(formatBackupCode) };
    },
  };
}

export type EnrollmentService = ReturnType<typeof createEnrollmentService>;
