import { expect } from 'vitest';
import { SECRET_B32 } from './secrets';
import {
  ImportError,
  type ImportErrorCode,
  type ImportFormat,
  type ImportOptions,
  type ImportParseResult,
} from '../../import-types';

/** Runs a format the way the import service does: UTF-8 text when the bytes are text. */
export function textOf(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function asBytes(input: string | Uint8Array): Uint8Array {
  return typeof input === 'string' ? new Uint8Array(Buffer.from(input, 'utf8')) : input;
}

export function detects(format: ImportFormat, input: string | Uint8Array): boolean {
  const bytes = asBytes(input);
  return format.detect(bytes, textOf(bytes));
}

export function run(
  format: ImportFormat,
  input: string | Uint8Array,
  options: ImportOptions = {},
): Promise<ImportParseResult> {
  const bytes = asBytes(input);
  return format.parse(bytes, textOf(bytes), options);
}

export async function expectImportError(
  promise: Promise<unknown>,
  code: ImportErrorCode,
): Promise<ImportError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  expect((error as ImportError).code).toBe(code);
  return error as ImportError;
}

/** The drafts of a result, failing when an entry was unexpectedly skipped. */
export function drafts(result: ImportParseResult) {
  return result.entries.map((entry) => {
    if (!entry.draft) throw new Error(`entry "${entry.label}" was skipped: ${entry.skipReason}`);
    return entry.draft;
  });
}

export { SECRET2_B32, SECRET_B32, SECRET_BYTES } from './secrets';

/** The draft most fixtures carry first: GitHub / alice, SECRET_B32, RFC 6238 defaults. */
export const GITHUB_ALICE = {
  type: 'totp',
  issuer: 'GitHub',
  name: 'alice',
  secret: SECRET_B32,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
} as const;
