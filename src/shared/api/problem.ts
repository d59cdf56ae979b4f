import { z } from 'zod';

/** Stable error codes of the HTTP API, with the status each one is sent with. */
export const API_ERRORS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN_SCOPE: 403,
  FORBIDDEN_ORIGIN: 403,
  FORBIDDEN_HOST: 403,
  ROUTE_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  CLIENT_NOT_FOUND: 404,
  ENROLLMENT_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_ENROLLED: 409,
  ALREADY_ENROLLED: 409,
  ENROLLMENT_EXPIRED: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  HEADERS_TOO_LARGE: 431,
  INVALID_CODE: 422,
  CODE_REPLAYED: 422,
  LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ApiErrorCode = keyof typeof API_ERRORS;

export const problemSchema = z
  .object({
    type: z
      .string()
      .describe('A URN naming the problem type, e.g. urn:tessera:problem:INVALID_CODE'),
    title: z.string(),
    status: z.number().int(),
    detail: z
      .string()
      .describe('What went wrong and what to do; never contains a code, secret or key.'),
    code: z.enum(Object.keys(API_ERRORS) as [ApiErrorCode, ...ApiErrorCode[]]),
    errors: z
      .array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }))
      .optional()
      .describe('VALIDATION_FAILED: every field problem, addressed by its path.'),
    attemptsRemaining: z
      .number()
      .int()
      .optional()
      .describe('INVALID_CODE: failures left before the factor locks.'),
    lockedUntil: z
      .string()
      .nullable()
      .optional()
      .describe('LOCKED: when the lock ends (ISO 8601); null until an admin unlocks.'),
    retryAfterSeconds: z
      .number()
      .int()
      .optional()
      .describe('LOCKED and RATE_LIMITED: also sent as the Retry-After header.'),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
