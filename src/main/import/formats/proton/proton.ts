import { z } from 'zod';
import type { ImportEntry } from '../../import-types';
import { aesGcmDecryptAppended } from '../shared/cipher';
import { decodeBase64, utf8 } from '../shared/encoding';
import { defineFormat } from '../shared/define-format';
import { malformed, passwordRequired, unsupportedVersion, wrongPassword } from '../shared/errors';
import { isRecord, jsonLooksLike, parseJsonStrict, parseShape, readJson } from '../shared/json';
import { argon2id } from '../shared/kdf';
import { otpFieldToImportEntry, uriToImportEntry } from '../shared/uri-list';

/**
 * Proton Authenticator export (proton-pass-common, authenticator crate), version 1:
 * `{version, entries: [{id, content: {uri, entry_type: "Totp" | "Steam", name}, note}]}`.
 * Password-protected exports are `{version, salt, content}`: Argon2id (19 MiB, 2 passes, one lane,
 * fixed by the app) → AES-256-GCM over nonce ‖ ciphertext ‖ tag with a fixed associated-data tag.
 */

const FORMAT = 'Proton Authenticator export';
const ARGON2 = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 };
const AAD = utf8('proton.authenticator.export.v1');

const entryShape = z.object({
  content: z.object({
    uri: z.string(),
    entry_type: z.string().nullish(),
    name: z.string().nullish(),
  }),
});
const plainShape = z.object({ version: z.number().int(), entries: z.array(z.unknown()) });
const encryptedShape = z.object({
  version: z.number().int(),
  salt: z.string(),
  content: z.string(),
});

function convert(value: unknown, index: number): ImportEntry {
  const parsed = entryShape.safeParse(value);
  if (!parsed.success)
    return { label: `Entry ${index + 1}`, skipReason: 'This entry is incomplete in the file.' };
  const { uri, entry_type: type, name } = parsed.data.content;
  if (type?.toLowerCase() === 'steam' || /^steam:\/\//i.test(uri))
    return otpFieldToImportEntry(uri, { issuer: 'Steam', name: name ?? '' });
  // Proton keeps its own display name beside the link; the link still gives the issuer.
  return name ? uriToImportEntry(uri, { name }) : uriToImportEntry(uri);
}

function entriesOf(file: unknown): ImportEntry[] {
  const plain = parseShape(plainShape, file, FORMAT);
  if (plain.version !== 1) throw unsupportedVersion(FORMAT, plain.version);
  return plain.entries.map(convert);
}

async function decrypt(file: z.infer<typeof encryptedShape>, password: string): Promise<unknown> {
  const key = await argon2id(
    password,
    decodeBase64(file.salt, FORMAT, 'the salt'),
    ARGON2,
    32,
    FORMAT,
  );
  const sealed = decodeBase64(file.content, FORMAT, 'the content');
  if (sealed.length < 12 + 16) throw malformed(FORMAT, 'the content is too short');
  const plain = aesGcmDecryptAppended(key, sealed.subarray(0, 12), sealed.subarray(12), AAD);
  if (!plain) throw wrongPassword(FORMAT);
  return parseJsonStrict(Buffer.from(plain).toString('utf8'), FORMAT);
}

const isProtonPlain = (v: Record<string, unknown>): boolean =>
  Array.isArray(v.entries) &&
  v.entries.every((e) => isRecord(e) && isRecord(e.content) && 'uri' in e.content);

export const protonFormat = defineFormat({
  id: 'proton-authenticator',
  name: FORMAT,
  detect: (_bytes, text) =>
    jsonLooksLike(text, ['version', 'entries'], isProtonPlain) ||
    jsonLooksLike(
      text,
      ['version', 'salt', 'content'],
      (v) => !('entries' in v) && !('kdfParams' in v),
    ),
  async parse(_bytes, text, options) {
    const file = readJson(text, FORMAT);
    if (isRecord(file) && 'entries' in file) return { format: FORMAT, entries: entriesOf(file) };
    const encrypted = parseShape(encryptedShape, file, FORMAT);
    if (encrypted.version !== 1) throw unsupportedVersion(FORMAT, encrypted.version);
    if (!options.password) throw passwordRequired(FORMAT);
    return {
      format: `${FORMAT} (encrypted)`,
      entries: entriesOf(await decrypt(encrypted, options.password)),
    };
  },
});
