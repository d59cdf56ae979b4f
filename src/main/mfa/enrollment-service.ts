import { randomBytes, randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import { formatOtpauthUri } from '../../shared/otpauth-uri';
import { bytesToBase32 } from '../../shared/secret';
import { formatBackupCode, generateBackupCodes } from './backup-codes';
import type { Caller } from './caller';
import type { MfaContext } from './mfa-context';
import { badCodeFormat, MfaError, userNotFound } from './mfa-error';
import {
  matchingStep,
  noRecentCodes,
  normalizeTotpCode,
  TOTP_DIGITS,
  TOTP_PERIOD_SECONDS,
  TOTP_SECRET_BYTES,
} from './totp';

/** A pending enrollment lives this long; the user scans the QR code and types one code. */
export const ENROLLMENT_TTL_MS = 10 * 60 * 1000;

export interface EnrollInput {
  issuer?: string | undefined;
  label?: string | undefined;
}

const alreadyEnrolled = () =>
  new MfaError(
    'ALREADY_ENROLLED',
    'This user already has an authenticator. Remove it (DELETE /v1/users/{userId}/mfa) or ask an admin to reset it first.',
  );

export function createEnrollmentService(ctx: MfaContext) {
  const { users, factors, writes } = ctx;
  return {
    async start(caller: Caller, userId: string, input: EnrollInput, withQr: boolean) {
      const row = users.find(caller.clientId, userId);
      if (!row) throw userNotFound(userId);
      if (row.totp_factor_id !== null) throw alreadyEnrolled();
      const secret = randomBytes(TOTP_SECRET_BYTES);
      const enrollmentId = randomUUID();
      const sealed = ctx.keys.seal(secret, enrollmentId);
      const now = ctx.clock();
      const expiresAt = now + ENROLLMENT_TTL_MS;
      await writes.run(() => {
        factors.putPending(enrollmentId, row.pk, sealed, now, expiresAt);
        ctx.record({
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
      // Rendered after the commit: no image work while holding the write lock.
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
      const row = users.find(caller.clientId, userId);
      if (!row) throw userNotFound(userId);
      if (row.totp_factor_id !== null) throw alreadyEnrolled();
      const pending = factors.pending(enrollmentId, row.pk);
      const notFound = new MfaError(
        'ENROLLMENT_NOT_FOUND',
        'No pending enrollment with this enrollmentId for this user; start a new one.',
      );
      if (!pending) throw notFound;
      const now = ctx.clock();
      if (pending.expires_at <= now) {
        throw new MfaError(
          'ENROLLMENT_EXPIRED',
          'This enrollment expired (10 minutes); start a new one with POST /v1/users/{userId}/totp.',
        );
      }
      const totp = normalizeTotpCode(code);
      if (totp === null) throw badCodeFormat('the 6-digit code from the authenticator app');
      const secret = ctx.keys.open(pending.secret, enrollmentId);
      // Kept with the factor below: the first login, usually within the minute, needs them too.
      const recentCodes = noRecentCodes();
      const step = matchingStep(secret, totp, now, caller.policy.window, recentCodes);
      const base = { actor: caller.actor, clientId: caller.clientId, userId };
      if (step === null) {
        await writes.run(() =>
          ctx.record({ ...base, event: 'totp.enroll_failed', outcome: 'failure' }),
        );
        throw new MfaError(
          'INVALID_CODE',
          'The code does not match; check the device clock and type the current code.',
        );
      }
      const codes = generateBackupCodes(caller.policy.backupCodeCount);
      const hashes = codes.map((c) => ctx.keys.backupCodeHash(row.pk, c));
      const result = await writes.run(() => {
        // Taking the pending row is the compare-and-set: of two parallel confirms only one proceeds.
        if (!factors.takePending(enrollmentId, row.pk)) return 'gone';
        if (
          !users.setFactor(row.pk, enrollmentId, pending.secret, step, hashes.length, ctx.clock())
        )
          return 'enrolled';
        factors.replaceCodes(row.pk, hashes);
        ctx.record({ ...base, event: 'totp.enroll_confirmed', outcome: 'success' });
        return 'ok';
      });
      if (result === 'gone') throw notFound;
      if (result === 'enrolled') throw alreadyEnrolled();
      // The user verifies next (a login); the secret is open already, so cache it now.
      ctx.factorCache.remember(
        caller.clientId,
        userId,
        row.pk,
        enrollmentId,
        pending.secret,
        recentCodes,
      );
      return { status: 'enrolled' as const, backupCodes: codes.map(formatBackupCode) };
    },
  };
}

export type EnrollmentService = ReturnType<typeof createEnrollmentService>;
