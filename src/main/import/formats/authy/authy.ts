import { z } from 'zod';
import type { ImportEntry } from '../../import-types';
import { toImportEntry } from '../shared/account';
import { looksLikePreferences, readPreferenceStrings } from '../shared/android-prefs';
import { aesCbcDecrypt } from '../shared/cipher';
import { decodeBase64, decodeHex, utf8, utf8OrUndefined } from '../shared/encoding';
import { defineFormat } from '../shared/define-format';
import { optionalInt, optionalText } from '../shared/lenient';
import { malformed, passwordRequired, wrongPassword } from '../shared/errors';
import { parseJsonStrict, parseShape } from '../shared/json';
import { pbkdf2 } from '../shared/kdf';

/**
 * Authy's internal `shared_prefs/com.authy.storage.tokens.authenticator.xml` (third-party TOTP
 * tokens) or `...tokens.authy.xml` (Authy's own 7-digit, 10-second tokens), as Aegis reads them.
 * Newer Authy versions keep third-party secrets encrypted with the backup password:
 * PBKDF2-HMAC-SHA1(password, salt, 1000) → AES-256-CBC with a zero IV, plaintext base32.
 */

const FORMAT = 'Authy token store';
const KEYS = ['com.authy.storage.tokens.authenticator.key', 'com.authy.storage.tokens.authy.key'];
const ITERATIONS = 1000;
const ZERO_IV = new Uint8Array(16);

const tokenShape = z.object({
  name: optionalText,
  originalName: optionalText,
  originalIssuer: optionalText,
  accountType: optionalText,
  digits: optionalInt,
  decryptedSecret: optionalText,
  encryptedSecret: optionalText,
  salt: optionalText,
  secretSeed: optionalText,
  // Newer versions: a per-token IV and iteration count (absent: zero IV, 1 000 iterations).
  unique_iv: optionalText,
  uniqueIv: optionalText,
  key_derivation_iterations: optionalInt,
  keyDerivationIterations: optionalInt,
});
type Token = z.infer<typeof tokenShape>;

/** Aegis's naming rules: originalIssuer, else "Issuer:" in originalName, else "Issuer - " in name. */
function names(token: Token): { issuer: string; name: string } {
  if (token.secretSeed) return { issuer: token.name ?? '', name: '' };
  const original = token.originalName ?? '';
  let name = token.name ?? '';
  let issuer = '';
  let separator = '';
  if (token.originalIssuer) issuer = token.originalIssuer;
  else if (original.includes(':'))
    [issuer, separator] = [original.slice(0, original.indexOf(':')), ':'];
  else if (name.includes(' - ')) [issuer, separator] = [name.slice(0, name.indexOf(' - ')), ' - '];
  else if (token.accountType)
    issuer = token.accountType.charAt(0).toUpperCase() + token.accountType.slice(1);
  name = name.replace(issuer + separator, '');
  return { issuer, name: name.startsWith(': ') ? name.slice(2) : name };
}

function convert(token: Token, secret: string | Uint8Array | undefined): ImportEntry {
  const authyNative = Boolean(token.secretSeed);
  return toImportEntry({
    ...names(token),
    secret,
    digits: token.digits,
    period: authyNative ? 10 : 30,
  });
}

async function decryptSecret(token: Token, password: string): Promise<string | undefined> {
  if (!token.encryptedSecret || token.salt === null || token.salt === undefined) return undefined;
  const iterations = token.key_derivation_iterations ?? token.keyDerivationIterations ?? ITERATIONS;
  const iv = token.unique_iv ?? token.uniqueIv;
  const key = await pbkdf2(password, utf8(token.salt), iterations, 32, 'sha1', FORMAT);
  const plain = aesCbcDecrypt(
    key,
    iv ? decodeBase64(iv, FORMAT, 'an IV') : ZERO_IV,
    decodeBase64(token.encryptedSecret, FORMAT, 'an encrypted secret'),
  );
  const text = plain && utf8OrUndefined(plain);
  return text && /^[A-Za-z2-7=\s-]+$/.test(text) ? text : undefined;
}

function tokenList(text: string | undefined): unknown[] | undefined {
  const prefs = text === undefined ? undefined : readPreferenceStrings(text);
  const key = KEYS.find((k) => prefs?.has(k));
  return key === undefined
    ? undefined
    : parseShape(z.array(z.unknown()), parseJsonStrict(prefs?.get(key) ?? '', FORMAT), FORMAT);
}

export const authyFormat = defineFormat({
  id: 'authy',
  name: FORMAT,
  detect: (_bytes, text) =>
    looksLikePreferences(text) && KEYS.some((key) => text.includes(`"${key}"`)),
  async parse(_bytes, text, options) {
    const list = tokenList(text);
    if (!list) throw malformed(FORMAT, 'it holds no Authy tokens');
    const tokens = list.map((value) => tokenShape.safeParse(value));
    const encrypted = tokens.some(
      (t) => t.success && !t.data.decryptedSecret && !t.data.secretSeed && t.data.encryptedSecret,
    );
    if (encrypted && !options.password) throw passwordRequired(FORMAT);
    const entries: ImportEntry[] = [];
    let opened = 0;
    for (const [index, parsed] of tokens.entries()) {
      if (!parsed.success) {
        entries.push({
          label: `Token ${index + 1}`,
          skipReason: 'This token is incomplete in the file.',
        });
        continue;
      }
      const token = parsed.data;
      if (token.secretSeed)
        entries.push(convert(token, decodeHex(token.secretSeed, FORMAT, 'a secret seed')));
      else if (token.decryptedSecret) entries.push(convert(token, token.decryptedSecret));
      else {
        const secret = await decryptSecret(token, options.password ?? '');
        if (secret) opened++;
        entries.push(
          secret
            ? convert(token, secret)
            : {
                ...convert(token, undefined),
                skipReason: 'Its secret could not be decrypted with this password.',
              },
        );
      }
    }
    if (encrypted && opened === 0) throw wrongPassword(FORMAT);
    return { format: encrypted ? `${FORMAT} (encrypted)` : FORMAT, entries };
  },
});
