import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ImportEntry } from '../../import-types';
import { toImportEntry } from '../shared/account';
import { looksLikePreferences, readPreferenceStrings } from '../shared/android-prefs';
import { aesCbcDecrypt } from '../shared/cipher';
import { decodeBase64, decodeHex } from '../shared/encoding';
import { defineFormat } from '../shared/define-format';
import { optionalInt, optionalText } from '../shared/lenient';
import { malformed, passwordRequired, wrongPassword } from '../shared/errors';
import {
  decryptedJsonOrWrongPassword,
  isRecord,
  parseJsonStrict,
  parseShape,
} from '../shared/json';

/**
 * TOTP Authenticator (BinaryBoo): the backup file is base64 of AES-256-CBC (zero IV) with
 * key = SHA-256(password); backups made without a password use the app's built-in password
 * "TotpAuthenticator". The plaintext is a JSON object whose first *key* is a JSON array of JSON
 * strings, one per entry. The internal `TOTP_Authenticator_Preferences.xml` keeps the same array
 * under STATIC_TOTP_CODES_LIST. Entries are SHA1/6/30 TOTP with a hex, base32 or base64 key.
 */

const FORMAT = 'TOTP Authenticator backup';
const DEFAULT_PASSWORD = 'TotpAuthenticator';
const PREF_KEY = 'STATIC_TOTP_CODES_LIST';
const ZERO_IV = new Uint8Array(16);

/** Versions of the app write numbers as JSON numbers or as strings ("base":"32"). */
const entryShape = z.object({
  base: optionalInt,
  key: z.string(),
  name: optionalText,
  issuer: optionalText,
  digits: optionalInt,
  period: optionalInt,
});

function entryObject(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function convert(value: unknown, index: number): ImportEntry {
  const parsed = entryShape.safeParse(entryObject(value));
  if (!parsed.success)
    return { label: `Entry ${index + 1}`, skipReason: 'This entry is incomplete in the file.' };
  const { base, key, name, issuer, digits, period } = parsed.data;
  const raw = { name, issuer, digits, period };
  if (base === 32 || base === undefined) return toImportEntry({ ...raw, secret: key });
  if (base === 16) return toImportEntry({ ...raw, secret: decodeHex(key, FORMAT, 'a key') });
  if (base === 64) return toImportEntry({ ...raw, secret: decodeBase64(key, FORMAT, 'a key') });
  return toImportEntry({ ...raw, secret: '', type: `base-${base} key` });
}

function entriesFromArrayText(arrayText: string): ImportEntry[] {
  return parseShape(z.array(z.unknown()), parseJsonStrict(arrayText, FORMAT), FORMAT).map(convert);
}

/**
 * The decrypted backup is `{"<entries array as JSON>": "<date>"}`: the entries are a key. Any key
 * or value that is a JSON array is taken, so a file from a version that swaps them reads too.
 */
function entriesOfBackup(object: unknown): ImportEntry[] {
  if (Array.isArray(object)) return object.map(convert);
  if (!isRecord(object)) return [];
  for (const candidate of [...Object.keys(object), ...Object.values(object)]) {
    if (typeof candidate !== 'string' || !candidate.trim().startsWith('[')) continue;
    try {
      return entriesFromArrayText(candidate);
    } catch {
      continue;
    }
  }
  return [];
}

function decrypt(ciphertext: Uint8Array, password: string): Uint8Array | undefined {
  return aesCbcDecrypt(
    new Uint8Array(createHash('sha256').update(password, 'utf8').digest()),
    ZERO_IV,
    ciphertext,
  );
}

const BASE64_FILE = /^[A-Za-z0-9+/\r\n]+={0,2}\s*$/;

function isBackup(text: string | undefined): boolean {
  if (text === undefined) return false;
  const compact = text.replace(/\s+/g, '');
  return (
    compact.length >= 24 &&
    compact.length % 4 === 0 &&
    BASE64_FILE.test(text.trim()) &&
    ((compact.length / 4) * 3) % 16 <= 2
  );
}

export const totpAuthenticatorFormat = defineFormat({
  id: 'totp-authenticator',
  name: FORMAT,
  detect: (_bytes, text) =>
    isBackup(text) || (looksLikePreferences(text) && text.includes(`"${PREF_KEY}"`)),
  async parse(bytes, text, options) {
    if (looksLikePreferences(text)) {
      const list = readPreferenceStrings(text)?.get(PREF_KEY);
      if (list === undefined) throw malformed(FORMAT, `it has no ${PREF_KEY}`);
      return { format: 'TOTP Authenticator preferences', entries: entriesFromArrayText(list) };
    }
    // The .bin file is base64 text; a copy saved as the raw ciphertext is read as well.
    const ciphertext = isBackup(text) ? decodeBase64(text ?? '', FORMAT, 'the backup') : bytes;
    // The built-in password first when none was given, then as a fallback for a wrong guess.
    const candidates = options.password ? [options.password, DEFAULT_PASSWORD] : [DEFAULT_PASSWORD];
    for (const password of candidates) {
      const plain = decrypt(ciphertext, password);
      if (!plain) continue;
      let object: unknown;
      try {
        object = decryptedJsonOrWrongPassword(plain, FORMAT);
      } catch {
        continue;
      }
      return { format: `${FORMAT} (encrypted)`, entries: entriesOfBackup(object) };
    }
    throw options.password ? wrongPassword(FORMAT) : passwordRequired(FORMAT);
  },
});
