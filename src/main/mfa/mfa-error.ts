import { TesseraError, type FieldIssue } from '../../shared/errors';
import type { ApiErrorCode } from '../../shared/api';

/** Facts a client may act on, sent beside the code; never a code, secret or key. */
export interface ProblemExtras {
  attemptsRemaining?: number;
  lockedUntil?: string | null;
  retryAfterSeconds?: number;
}

/** A refusal of the MFA services with a stable API error code (mapped to a status by the API). */
export class MfaError extends TesseraError {
  override readonly code: ApiErrorCode;
  readonly extras: ProblemExtras;

  constructor(
    code: ApiErrorCode,
    message: string,
    extras: ProblemExtras = {},
    fields?: FieldIssue[],
  ) {
    super(code, message, fields);
    this.name = 'MfaError';
    this.code = code;
    this.extras = extras;
  }
}

export const userNotFound = (userId: string): MfaError =>
  new MfaError(
    'USER_NOT_FOUND',
    `No user "${userId.slice(0, 128)}" exists for this API client. Create it with PUT /v1/users/{userId}.`,
  );

export const notEnrolled = (): MfaError =>
  new MfaError(
    'NOT_ENROLLED',
    'This user has no confirmed authenticator. Enroll with POST /v1/users/{userId}/totp first.',
  );

/** A code that cannot be one (wrong length or characters): refused before any lookup, not counted. */
export const badCodeFormat = (expected: string): MfaError =>
  new MfaError('VALIDATION_FAILED', `code must be ${expected}.`, {}, [
    { path: ['body', 'code'], message: `code must be ${expected}.` },
  ]);
