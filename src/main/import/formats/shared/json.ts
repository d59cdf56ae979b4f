import type { z } from 'zod';
import { malformed, truncated, wrongPassword } from './errors';

/**
 * Several detectors look at the same file; parsing it once and keeping the last result avoids
 * parsing a large JSON export once per format.
 */
let cache: { text: string; value: unknown } | undefined;

/** The parsed JSON value, or undefined when the text is not JSON. Never throws. */
export function tryParseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  if (cache?.text === text) return cache.value;
  let value: unknown;
  try {
    value = JSON.parse(trimmed.replace(/^\uFEFF/, ''));
  } catch {
    value = undefined;
  }
  cache = { text, value };
  return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when `value` is an object having every one of `keys`. */
export function hasKeys(value: unknown, ...keys: string[]): value is Record<string, unknown> {
  return isRecord(value) && keys.every((key) => key in value);
}

/** Validates with a zod schema; a mismatch is IMPORT_MALFORMED naming the first bad path only. */
export function parseShape<T>(schema: z.ZodType<T>, value: unknown, format: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const path = result.error.issues[0]?.path.filter((p) => typeof p !== 'symbol').join('.');
  throw malformed(format, path ? `unexpected value at "${path}"` : 'unexpected structure');
}

/** Parses JSON text that must be JSON (e.g. after decryption); failure is IMPORT_MALFORMED. */
export function parseJsonStrict(text: string, format: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw malformed(format, 'its content is not valid JSON');
  }
}

/** True when JSON text stops inside a string or with unclosed brackets: a cut-short file. */
export function jsonIsCutShort(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
  }
  return inString || depth > 0;
}

/**
 * Detector helper: the parsed file has all `keys`, or the text is JSON cut short that names them
 * (so a truncated export is still recognised and reported as truncated rather than unknown).
 */
export function jsonLooksLike(
  text: string | undefined,
  keys: string[],
  test?: (value: Record<string, unknown>) => boolean,
): boolean {
  const value = tryParseJson(text);
  if (value !== undefined) return hasKeys(value, ...keys) && (test ? test(value) : true);
  if (text === undefined || !text.trimStart().startsWith('{') || !jsonIsCutShort(text))
    return false;
  return keys.every((key) => text.includes(`"${key}"`));
}

/** The file's JSON, or IMPORT_TRUNCATED / IMPORT_MALFORMED. */
export function readJson(text: string | undefined, format: string): unknown {
  const value = tryParseJson(text);
  if (value !== undefined) return value;
  if (text !== undefined && jsonIsCutShort(text)) throw truncated(format);
  throw malformed(format, 'it is not valid JSON');
}

/**
 * For CBC ciphers, which have no authentication: a wrong key passes the padding check about once in
 * 256 tries and yields garbage, so decrypted bytes that are not JSON mean a wrong password.
 */
export function decryptedJsonOrWrongPassword(plain: Uint8Array, format: string): unknown {
  try {
    return JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(plain).replace(/^\uFEFF/, ''),
    );
  } catch {
    throw wrongPassword(format);
  }
}
