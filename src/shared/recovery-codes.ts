import { TesseraError } from './errors';

/** At or below this many unused codes, the person is warned to get new ones. */
export const LOW_RECOVERY_CODES = 2;
export const MAX_RECOVERY_CODES = 100;

/** A code is letters and digits, optionally grouped with dashes: `abcd-efgh`, `12345678`. */
const CODE = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;
/** A list number before a code (`1.`, `1)`, `(1)`, `#1`, `1:`), at a line start or in columns. */
const NUMBERING = /^(?:#?\d{1,3}[.):]|\(\d{1,3}\)|#\d{1,3})$/u;
const MIN_LENGTH = 4;
const MAX_LENGTH = 64;

function invalid(message: string): TesseraError {
  return new TesseraError('VALIDATION_FAILED', message, [{ path: ['text'], message }]);
}

/**
 * The recovery codes in what a person pasted, in order: one per line, numbered (`1. abcd-efgh`,
 * `1) …`), or several on a line separated by spaces, commas or semicolons. Errors name the line,
 * never the text (it may be a code).
 */
export function parseRecoveryCodes(text: string): string[] {
  const codes: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const tokens = line.split(/[\s,;]+/u).filter((token) => token !== '' && !NUMBERING.test(token));
    for (const token of tokens) {
      if (!CODE.test(token) || token.length < MIN_LENGTH || token.length > MAX_LENGTH) {
        throw invalid(
          `Line ${index + 1} holds something that is not a recovery code: codes are ${MIN_LENGTH} to ${MAX_LENGTH} letters and digits, optionally grouped with dashes.`,
        );
      }
      codes.push(token);
    }
  });
  if (codes.length === 0) throw invalid('Paste the recovery codes the service showed you.');
  if (codes.length > MAX_RECOVERY_CODES) {
    throw invalid(`That is more than ${MAX_RECOVERY_CODES} codes; paste one account's codes.`);
  }
  return codes;
}

/** One numbered code per line, the layout `parseRecoveryCodes` reads back to the same list. */
export function formatRecoveryCodes(codes: readonly string[]): string {
  return codes.map((code, i) => `${i + 1}. ${code}`).join('\n');
}

/** What two spellings of one code have in common: case, spaces and dashes do not count. */
export function normalizeRecoveryCode(code: string): string {
  return code.replace(/[\s-]+/gu, '').toLowerCase();
}
