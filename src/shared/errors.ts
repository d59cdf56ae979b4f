/**
 * Stable error codes shared by every boundary (IPC, browser-mode socket, HTTP API, CLI).
 * Callers branch on `code`; `message` is for people and never contains a secret or a code.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'INVALID_SECRET',
  'INVALID_URI',
  'UNKNOWN_CHANNEL',
  'KEYCHAIN_UNAVAILABLE',
  'KEYCHAIN_LOCKED',
  'KEYCHAIN_KEY_MISSING',
  'KEY_FILE_INVALID',
  'KEY_FILE_PERMISSIONS',
  'DATABASE_WRONG_KEY',
  'DATABASE_CORRUPT',
  'DATABASE_NOT_ENCRYPTED',
  'DATABASE_TOO_NEW',
  'IMPORT_FAILED',
  'LOCKED',
  'WRONG_PASSWORD',
  'UNLOCK_DELAYED',
  'PASSWORD_NOT_SET',
  'PASSWORD_ALREADY_SET',
  'SEAL_BROKEN',
  'CONFLICT',
  'ALREADY_USED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number] | (string & {});

/** A field-level problem, addressed by its path in the input (e.g. `["secret"]`). */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  fields?: FieldIssue[];
}

export class TesseraError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldIssue[];

  constructor(code: ErrorCode, message: string, fields?: FieldIssue[]) {
    super(message);
    this.name = 'TesseraError';
    this.code = code;
    if (fields) this.fields = fields;
  }

  toPayload(): ErrorPayload {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message };
  }

  static fromPayload(payload: ErrorPayload): TesseraError {
    return new TesseraError(payload.code, payload.message, payload.fields);
  }
}

export function isTesseraError(value: unknown): value is TesseraError {
  return value instanceof TesseraError;
}
