import { z } from 'zod';
import type { ImportEntry } from '../../import-types';
import { toImportEntry } from '../shared/account';
import { aesCbcDecrypt, aesGcmDecryptAppended } from '../shared/cipher';
import { startsWithBytes } from '../shared/encoding';
import { defineFormat } from '../shared/define-format';
import { malformed, passwordRequired, truncated, wrongPassword } from '../shared/errors';
import {
  decryptedJsonOrWrongPassword,
  jsonLooksLike,
  parseShape,
  tryParseJson,
} from '../shared/json';
import { argon2id, pbkdf2 } from '../shared/kdf';

/**
 * Stratum / Authenticator Pro backup (the same app, renamed), as Aegis's StratumImporter reads it:
 * plain JSON `{Authenticators: [...]}`; encrypted "AUTHENTICATORPRO" ‖ salt (16) ‖ IV (12) ‖
 * AES-256-GCM with Argon2id (3 passes, 64 MiB, 4 lanes: fixed by the app); legacy encrypted
 * "AuthenticatorPro" ‖ salt (20) ‖ IV (16) ‖ AES-256-CBC with PBKDF2-HMAC-SHA1 (64 000).
 */

const FORMAT = 'Stratum / Authenticator Pro backup';
const HEADER = 'AUTHENTICATORPRO';
const LEGACY_HEADER = 'AuthenticatorPro';
const ARGON2 = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 4 };
const LEGACY_ITERATIONS = 64_000;

/** The app's numeric enums. */
export const AUTHENTICATOR_PRO_TYPES: Record<number, string> = {
  1: 'hotp',
  2: 'totp',
  3: 'motp',
  4: 'steam',
  5: 'yandex',
};
export const AUTHENTICATOR_PRO_ALGORITHMS: Record<number, string> = {
  0: 'SHA1',
  1: 'SHA256',
  2: 'SHA512',
};

export interface AuthenticatorProRow {
  type: number;
  issuer: string | null | undefined;
  username: string | null | undefined;
  secret: string | null | undefined;
  algorithm: number;
  digits: number;
  period: number;
  counter: number;
}

export function convertAuthenticatorProRow(row: AuthenticatorProRow): ImportEntry {
  return toImportEntry({
    type: AUTHENTICATOR_PRO_TYPES[row.type] ?? `type ${row.type}`,
    issuer: row.issuer,
    name: row.username,
    secret: row.secret,
    algorithm: AUTHENTICATOR_PRO_ALGORITHMS[row.algorithm] ?? `algorithm #${row.algorithm}`,
    digits: row.digits,
    period: row.period,
    counter: row.counter,
  });
}

const entryShape = z.object({
  Type: z.number().int(),
  Issuer: z.string().nullish(),
  Username: z.string().nullish(),
  Secret: z.string().nullish(),
  Algorithm: z.number().int().default(0),
  Digits: z.number().int().default(6),
  Period: z.number().int().default(30),
  Counter: z.number().int().default(0),
});
const fileShape = z.object({ Authenticators: z.array(z.unknown()) });

function convertJson(value: unknown): ImportEntry[] {
  return parseShape(fileShape, value, FORMAT).Authenticators.map((item, index) => {
    const parsed = entryShape.safeParse(item);
    if (!parsed.success)
      return {
        label: `Authenticator ${index + 1}`,
        skipReason: 'This entry is incomplete in the file.',
      };
    const e = parsed.data;
    return convertAuthenticatorProRow({
      type: e.Type,
      issuer: e.Issuer,
      username: e.Username,
      secret: e.Secret,
      algorithm: e.Algorithm,
      digits: e.Digits,
      period: e.Period,
      counter: e.Counter,
    });
  });
}

async function decrypt(bytes: Uint8Array, password: string): Promise<Uint8Array> {
  const legacy = startsWithBytes(bytes, LEGACY_HEADER);
  const saltLength = legacy ? 20 : 16;
  const ivLength = legacy ? 16 : 12;
  const body = HEADER.length + saltLength + ivLength;
  if (bytes.length < body + 16) throw truncated(FORMAT);
  const salt = bytes.subarray(HEADER.length, HEADER.length + saltLength);
  const iv = bytes.subarray(HEADER.length + saltLength, body);
  const plain = legacy
    ? aesCbcDecrypt(
        await pbkdf2(password, salt, LEGACY_ITERATIONS, 32, 'sha1', FORMAT),
        iv,
        bytes.subarray(body),
      )
    : aesGcmDecryptAppended(
        await argon2id(password, salt, ARGON2, 32, FORMAT),
        iv,
        bytes.subarray(body),
      );
  if (!plain) throw wrongPassword(FORMAT);
  return plain;
}

const isEncrypted = (bytes: Uint8Array): boolean =>
  startsWithBytes(bytes, HEADER) || startsWithBytes(bytes, LEGACY_HEADER);

export const authenticatorProFormat = defineFormat({
  id: 'authenticator-pro',
  name: FORMAT,
  detect: (bytes, text) => isEncrypted(bytes) || jsonLooksLike(text, ['Authenticators']),
  async parse(bytes, text, options) {
    if (!isEncrypted(bytes)) {
      const json = tryParseJson(text);
      if (json === undefined)
        throw jsonLooksLike(text, ['Authenticators']) ? truncated(FORMAT) : malformed(FORMAT);
      return { format: FORMAT, entries: convertJson(json) };
    }
    if (!options.password) throw passwordRequired(FORMAT);
    const plain = await decrypt(bytes, options.password);
    const legacy = startsWithBytes(bytes, LEGACY_HEADER);
    return {
      format: `${FORMAT} (${legacy ? 'legacy encrypted' : 'encrypted'})`,
      entries: convertJson(decryptedJsonOrWrongPassword(plain, FORMAT)),
    };
  },
});
