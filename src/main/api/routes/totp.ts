import {
  backupCodesSchema,
  codeBodySchema,
  confirmBodySchema,
  confirmResultSchema,
  enrollBodySchema,
  enrollmentSchema,
  enrollQuerySchema,
  mfaRemovedSchema,
  userParamsSchema,
  verifyResultSchema,
} from '../../../shared/api';
import { defineRoute, type Route } from '../route';
import { callerOf, type MfaServices } from '../../mfa/mfa-services';

const attemptErrors = [
  'VALIDATION_FAILED',
  'USER_NOT_FOUND',
  'NOT_ENROLLED',
  'INVALID_CODE',
  'CODE_REPLAYED',
  'LOCKED',
] as const;

export function totpRoutes(s: MfaServices): Route[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/v1/users/:userId/totp',
      auth: 'client',
      tag: 'totp',
      summary:
        'Start a TOTP enrollment: a new secret, its otpauth URI and QR code, pending for 10 minutes.',
      schemas: { params: userParamsSchema, query: enrollQuerySchema, body: enrollBodySchema },
      responses: {
        201: {
          description: 'Pending enrollment; show the QR code once.',
          schema: enrollmentSchema,
        },
      },
      errors: ['VALIDATION_FAILED', 'USER_NOT_FOUND', 'ALREADY_ENROLLED'],
      async handler({ params, query, body, principal }) {
        const enrollment = await s.enrollment.start(
          callerOf(principal),
          params.userId,
          body,
          query.qr !== 'none',
        );
        return { status: 201, body: enrollment };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/v1/users/:userId/totp/confirm',
      auth: 'client',
      tag: 'totp',
      summary:
        'Confirm an enrollment with a code from the app; returns the backup codes (the only time they are shown).',
      schemas: { params: userParamsSchema, body: confirmBodySchema },
      responses: { 200: { description: 'Enrolled.', schema: confirmResultSchema } },
      errors: [
        'VALIDATION_FAILED',
        'USER_NOT_FOUND',
        'ALREADY_ENROLLED',
        'ENROLLMENT_NOT_FOUND',
        'ENROLLMENT_EXPIRED',
        'INVALID_CODE',
        'LOCKED',
      ],
      async handler({ params, body, principal }) {
        const result = await s.enrollment.confirm(
          callerOf(principal),
          params.userId,
          body.enrollmentId,
          body.code,
        );
        return { status: 200, body: result };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/v1/users/:userId/verify',
      auth: 'client',
      tag: 'totp',
      summary: 'Verify a TOTP code or a backup code. Each code is accepted at most once.',
      schemas: { params: userParamsSchema, body: codeBodySchema },
      responses: { 200: { description: 'Accepted.', schema: verifyResultSchema } },
      errors: [...attemptErrors],
      handler: ({ params, body, principal }) =>
        s.verify
          .verify(callerOf(principal), params.userId, body.code)
          .then((result) => ({ status: 200, body: result })),
    }),
    defineRoute({
      method: 'POST',
      url: '/v1/users/:userId/backup-codes',
      auth: 'client',
      tag: 'totp',
      summary:
        'Replace the backup codes (step-up with a valid TOTP code); the old set stops working.',
      schemas: { params: userParamsSchema, body: codeBodySchema },
      responses: {
        200: { description: 'The new set, shown this once.', schema: backupCodesSchema },
      },
      errors: [...attemptErrors],
      async handler({ params, body, principal }) {
        return {
          status: 200,
          body: await s.verify.regenerateBackupCodes(callerOf(principal), params.userId, body.code),
        };
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/v1/users/:userId/mfa',
      auth: 'client',
      tag: 'totp',
      summary: 'Remove the factor and backup codes (step-up with a TOTP or backup code).',
      schemas: { params: userParamsSchema, body: codeBodySchema },
      responses: { 200: { description: 'Removed.', schema: mfaRemovedSchema } },
      errors: [...attemptErrors],
      async handler({ params, body, principal }) {
        return {
          status: 200,
          body: await s.verify.removeMfa(callerOf(principal), params.userId, body.code),
        };
      },
    }),
  ];
}
