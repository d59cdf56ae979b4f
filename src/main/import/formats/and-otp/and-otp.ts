import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ImportEntry } from '../../import-types';
import { toImportEntry } from '../shared/account';
import { aesGcmDecryptAppended } from '../shared/cipher';
import { defineFormat } from '../shared/define-format';
import { optionalInt, optionalText } from '../shared/lenient';
import { malformed, passwordRequired, truncated, wrongPassword } from '../shared/errors';
import { isRecord, parseJsonStrict, parseShape, tryParseJson } from '../shared/json';
import { pbkdf2 } from '../shared/kdf';

/**
 * andOTP backup. Plain: a JSON array of entries. Encrypted (andOTP ≥ 0.6.3):
 * iterations (int32 BE) ‖ salt (12) ‖ nonce (12) ‖ AES-256-GCM ciphertext ‖ tag, key =
 * PBKDF2-HMAC-SHA1(password, salt, iterations, 256 bits). The old encrypted format is
 * nonce ‖ ciphertext ‖ tag with key = SHA-256(password). andOTP writes no marker telling the two
 * apart, so the new layout is tried first, then the old one, as Aegis does.
 */

const FORMAT = 'andOTP backup';
const HEADER = 4 + 12;
const NONCE = 12;
const TAG = 16;
const MIN_PLAUSIBLE_ITERATIONS = 1_000;
const MAX_PLAUSIBLE_ITERATIONS = 10_000_000;

const entryShape = z.object({
  secret: optionalText,
  issuer: optionalText,
  label: optionalText,
  digits: optionalInt,
  type: optionalText,
  algorithm: optionalText,
  period: optionalInt,
  counter: optionalInt,
});

function isAndOtpEntry(value: unknown): boolean {
  return (
    isRecord(value) &&
    'secret' in value &&
    'type' in value &&
    ('label' in value || 'issuer' in value) &&
    !('otpGenerator' in value)
  );
}

function isPlain(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length > 0 && value.every(isAndOtpEntry);
}

function convert(value: unknown, index: number): ImportEntry {
  const parsed = entryShape.safeParse(value);
  if (!parsed.success)
    return { label: `Entry ${index + 1}`, skipReason: 'This entry is incomplete in the file.' };
  const e = parsed.data;
  let issuer = e.issuer ?? '';
  let name = e.label ?? '';
  // Backups from before andOTP had an issuer field put "Issuer - Name" in the label.
  if (e.issuer === undefined || e.issuer === null) {
    const dash = name.indexOf(' - ');
    if (dash >= 0) [issuer, name] = [name.slice(0, dash), name.slice(dash + 3)];
  }
  return toImportEntry({
    issuer,
    name,
    secret: e.secret,
    type: e.type,
    algorithm: e.algorithm,
    digits: e.digits,
    period: e.period,
    counter: e.counter,
  });
}

function iterationsOf(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
}

function plausibleNewFormat(bytes: Uint8Array): boolean {
  if (bytes.length < HEADER + NONCE + TAG + 2) return false;
  const iterations = iterationsOf(bytes);
  return iterations >= MIN_PLAUSIBLE_ITERATIONS && iterations <= MAX_PLAUSIBLE_ITERATIONS;
}

function looksBinary(bytes: Uint8Array, text: string | undefined): boolean {
  return text === undefined || !/^[\s\uFEFF]*[[{<]/.test(text);
}

async function decrypt(bytes: Uint8Array, password: string): Promise<Uint8Array> {
  if (bytes.length < NONCE + TAG + 2) throw truncated(FORMAT);
  if (plausibleNewFormat(bytes)) {
    const key = await pbkdf2(
      password,
      bytes.subarray(4, HEADER),
      iterationsOf(bytes),
      32,
      'sha1',
      FORMAT,
    );
    const plain = aesGcmDecryptAppended(
      key,
      bytes.subarray(HEADER, HEADER + NONCE),
      bytes.subarray(HEADER + NONCE),
    );
    if (plain) return plain;
  }
  const oldKey = new Uint8Array(createHash('sha256').update(password, 'utf8').digest());
  const old = aesGcmDecryptAppended(oldKey, bytes.subarray(0, NONCE), bytes.subarray(NONCE));
  if (old) return old;
  throw wrongPassword(FORMAT);
}

export const andOtpFormat = defineFormat({
  id: 'andotp',
  name: FORMAT,
  detect: (bytes, text) =>
    isPlain(tryParseJson(text)) || (looksBinary(bytes, text) && plausibleNewFormat(bytes)),
  async parse(bytes, text, options) {
    const json = tryParseJson(text);
    if (json !== undefined) {
      if (!Array.isArray(json)) throw malformed(FORMAT, 'expected a list of entries');
      return { format: FORMAT, entries: json.map(convert) };
    }
    if (!options.password) throw passwordRequired(FORMAT);
    const plain = await decrypt(bytes, options.password);
    const list = parseShape(
      z.array(z.unknown()),
      parseJsonStrict(Buffer.from(plain).toString('utf8'), FORMAT),
      FORMAT,
    );
    return { format: `${FORMAT} (encrypted)`, entries: list.map(convert) };
  },
});
