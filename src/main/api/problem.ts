import type { FastifyReply } from 'fastify';
import {
  API_ERRORS,
  PROBLEM_CONTENT_TYPE,
  type ApiErrorCode,
  type Problem,
} from '../../shared/api';
import { TesseraError } from '../../shared/errors';
import { MfaError } from '../mfa/mfa-error';
import { ValidationError } from './route';

const TITLES: Record<ApiErrorCode, string> = {
  VALIDATION_FAILED: 'The request is not valid',
  MALFORMED_JSON: 'The body is not valid JSON',
  UNAUTHENTICATED: 'An API key is required',
  FORBIDDEN_SCOPE: 'This API key may not do that',
  FORBIDDEN_ORIGIN: 'Browser requests are refused',
  FORBIDDEN_HOST: 'Host is not loopback',
  ROUTE_NOT_FOUND: 'No such route',
  USER_NOT_FOUND: 'No such user',
  CLIENT_NOT_FOUND: 'No such API client',
  ENROLLMENT_NOT_FOUND: 'No such enrollment',
  METHOD_NOT_ALLOWED: 'Method not allowed',
  NOT_ENROLLED: 'MFA is not enrolled',
  ALREADY_ENROLLED: 'MFA is already enrolled',
  ENROLLMENT_EXPIRED: 'The enrollment expired',
  PAYLOAD_TOO_LARGE: 'The body is too large',
  UNSUPPORTED_MEDIA_TYPE: 'The body must be JSON',
  HEADERS_TOO_LARGE: 'The URL and headers are too large',
  INVALID_CODE: 'The code is not valid',
  CODE_REPLAYED: 'The code was already used',
  LOCKED: 'Too many failed attempts',
  RATE_LIMITED: 'Too many requests for this API key',
  INTERNAL: 'Internal error',
  UNAVAILABLE: 'The database is busy',
};

export function problem(code: ApiErrorCode, detail: string, extra: Partial<Problem> = {}): Problem {
  return {
    type: `urn:tessera:problem:${code}`,
    title: TITLES[code],
    status: API_ERRORS[code],
    detail,
    code,
    ...extra,
  };
}

function isApiCode(code: string): code is ApiErrorCode {
  return Object.hasOwn(API_ERRORS, code);
}

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
}

/** Maps any thrown value to a problem; unknown failures say nothing about their cause. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ValidationError)
    return problem('VALIDATION_FAILED', error.message, { errors: error.errors });
  if (error instanceof MfaError) {
    const errors = error.fields ? { errors: error.fields } : {};
    return problem(error.code, error.message, { ...error.extras, ...errors });
  }
  if (error instanceof TesseraError && isApiCode(error.code))
    return problem(error.code, error.message);
  const { code, statusCode } = (error ?? {}) as FastifyLikeError;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return problem('PAYLOAD_TOO_LARGE', 'Request bodies are limited to 16 KiB.');
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return problem(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the body as JSON with `Content-Type: application/json`.',
    );
  }
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return problem('MALFORMED_JSON', 'The body is empty but Content-Type says JSON.');
  if (
    statusCode === 400 &&
    (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError)
  ) {
    return problem('MALFORMED_JSON', 'The body is not valid JSON.');
  }
  if (code === 'SQLITE_BUSY') {
    return problem('UNAVAILABLE', 'The database is busy; retry shortly.');
  }
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return problem('VALIDATION_FAILED', 'The request could not be read.');
  }
  return problem(
    'INTERNAL',
    'Something went wrong inside Tessera; nothing was changed by this request if it did not answer 2xx.',
  );
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  if (p.retryAfterSeconds !== undefined) reply.header('retry-after', String(p.retryAfterSeconds));
  if (p.code === 'UNAUTHENTICATED') reply.header('www-authenticate', 'Bearer realm="tessera"');
  return reply
    .code(p.status)
    .header('cache-control', 'no-store')
    .type(PROBLEM_CONTENT_TYPE)
    .send(p);
}

/**
 * Requests Node's HTTP parser rejects before any route runs (URL and headers over 16 KiB, broken
 * framing) still get a problem+json answer, then the connection closes as HTTP requires.
 */
export function clientErrorResponse(error: { code?: string }): string {
  const oversized = error.code === 'HPE_HEADER_OVERFLOW';
  const body = JSON.stringify(
    oversized
      ? problem('HEADERS_TOO_LARGE', 'The request line and headers are limited to 16 KiB.')
      : problem('VALIDATION_FAILED', 'The request could not be parsed as HTTP/1.1.'),
  );
  const status = oversized ? '431 Request Header Fields Too Large' : '400 Bad Request';
  return (
    `HTTP/1.1 ${status}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}
