import { z } from 'zod';
import type { ImportEntry } from '../../import-types';
import { aesGcmDecryptAppended } from '../shared/cipher';
import { bytesFromNumbers, utf8 } from '../shared/encoding';
import { defineFormat } from '../shared/define-format';
import { malformed, passwordRequired, truncated, wrongPassword } from '../shared/errors';
import {
  isJavaSerialization,
  JavaStreamError,
  readSerializedStringMap,
} from '../shared/java-serialization';
import { parseJsonStrict, parseShape, tryParseJson } from '../shared/json';
import { pbkdf2, type PbkdfDigest } from '../shared/kdf';
import { convertFreeOtpToken } from './freeotp-token';

/**
 * FreeOTP 2 backup (externalBackup.xml is not XML: it is a Java-serialised HashMap<String,String>).
 * "masterKey" holds the master key encrypted with PBKDF2(password) → AES-GCM; each token UUID maps
 * to `{key: <its secret encrypted with the master key>}` and "UUID-token" to the token's metadata.
 * GCM nonces are stored as DER GCMParameters and the key's algorithm name is the associated data.
 */

const FORMAT = 'FreeOTP backup';
const KDFS: Record<string, PbkdfDigest> = {
  PBKDF2withHmacSHA1: 'sha1',
  PBKDF2withHmacSHA512: 'sha512',
};

const byteArray = z.array(z.number().int().min(-128).max(255));
const encryptedKeyShape = z.object({
  mCipher: z.string(),
  mCipherText: byteArray,
  mParameters: byteArray,
  mToken: z.string(),
});
const masterKeyShape = z.object({
  mAlgorithm: z.string(),
  mEncryptedKey: encryptedKeyShape,
  mIterations: z.number().int(),
  mSalt: byteArray,
});

/** The IV inside DER `GCMParameters ::= SEQUENCE { iv OCTET STRING, tLen INTEGER }`. */
export function gcmNonceFromDer(der: Uint8Array): Uint8Array | undefined {
  const read = (at: number): { tag: number; start: number; end: number } | undefined => {
    const tag = der[at];
    let length = der[at + 1];
    let start = at + 2;
    if (tag === undefined || length === undefined) return undefined;
    if (length === 0x81) [length, start] = [der[at + 2] ?? -1, at + 3];
    return length < 0 || start + length > der.length
      ? undefined
      : { tag, start, end: start + length };
  };
  const outer = read(0);
  if (outer?.tag === 0x04) return der.subarray(outer.start, outer.end);
  if (outer?.tag !== 0x30) return undefined;
  for (let at = outer.start; at < outer.end;) {
    const child = read(at);
    if (!child) return undefined;
    if (child.tag === 0x04) return der.subarray(child.start, child.end);
    at = child.end;
  }
  return undefined;
}

function openKey(key: Uint8Array, value: unknown): Uint8Array | undefined {
  const parsed = encryptedKeyShape.safeParse(value);
  if (!parsed.success || parsed.data.mCipher !== 'AES/GCM/NoPadding') return undefined;
  const nonce = gcmNonceFromDer(bytesFromNumbers(parsed.data.mParameters));
  if (!nonce) return undefined;
  return aesGcmDecryptAppended(
    key,
    nonce,
    bytesFromNumbers(parsed.data.mCipherText),
    utf8(parsed.data.mToken),
  );
}

function readMap(bytes: Uint8Array): Map<string, string> {
  try {
    return readSerializedStringMap(bytes);
  } catch (error) {
    if (error instanceof JavaStreamError)
      throw error.truncated ? truncated(FORMAT) : malformed(FORMAT);
    throw error;
  }
}

function tokenEntries(map: Map<string, string>, masterKey: Uint8Array): ImportEntry[] {
  const entries: ImportEntry[] = [];
  for (const [name, value] of map) {
    if (name === 'masterKey' || name.endsWith('-token')) continue;
    const token = tryParseJson(map.get(`${name}-token`));
    const wrapper = tryParseJson(value);
    const keyJson =
      wrapper && typeof wrapper === 'object' && 'key' in wrapper
        ? (wrapper as { key: unknown }).key
        : undefined;
    const secret =
      typeof keyJson === 'string' ? openKey(masterKey, tryParseJson(keyJson)) : undefined;
    if (!secret) {
      const preview = convertFreeOtpToken(token ?? {}, entries.length);
      entries.push({
        label: preview.label,
        skipReason: 'Its secret could not be decrypted from the backup.',
      });
      continue;
    }
    entries.push(convertFreeOtpToken(token ?? {}, entries.length, secret));
  }
  return entries;
}

export const freeOtpBackupFormat = defineFormat({
  id: 'freeotp-backup',
  name: FORMAT,
  detect: (bytes) => isJavaSerialization(bytes),
  async parse(bytes, _text, options) {
    const map = readMap(bytes);
    const masterJson = map.get('masterKey');
    if (masterJson === undefined) throw malformed(FORMAT, 'it has no master key');
    const master = parseShape(masterKeyShape, parseJsonStrict(masterJson, FORMAT), FORMAT);
    const digest = KDFS[master.mAlgorithm];
    if (!digest) throw malformed(FORMAT, 'its key derivation is not one FreeOTP uses');
    if (!options.password) throw passwordRequired(FORMAT);
    const passwordKey = await pbkdf2(
      options.password,
      bytesFromNumbers(master.mSalt),
      master.mIterations,
      32,
      digest,
      FORMAT,
    );
    const masterKey = openKey(passwordKey, master.mEncryptedKey);
    if (!masterKey) throw wrongPassword(FORMAT);
    return { format: `${FORMAT} (encrypted)`, entries: tokenEntries(map, masterKey) };
  },
});
