import { z } from 'zod';
import { aesGcmDecrypt } from '../shared/cipher';
import { decodeBase64, decodeHex } from '../shared/encoding';
import { malformed, unsafeParameters, wrongPassword } from '../shared/errors';
import { isRecord, parseJsonStrict, parseShape } from '../shared/json';
import { scrypt } from '../shared/kdf';
import { KDF_FILE_LIMITS } from '../shared/kdf-budget';

const FORMAT = 'Aegis vault';
const PASSWORD_SLOT = 1;

const paramsShape = z.object({ nonce: z.string(), tag: z.string() });
const slotShape = z.object({
  type: z.number().int(),
  key: z.string(),
  key_params: paramsShape,
  n: z.number().int().optional(),
  r: z.number().int().optional(),
  p: z.number().int().optional(),
  salt: z.string().optional(),
});
const headerShape = z.object({ slots: z.array(slotShape), params: paramsShape });

export interface AegisHeader {
  slots: unknown;
  params: unknown;
}

type Params = z.infer<typeof paramsShape>;

function open(key: Uint8Array, params: Params, ciphertext: Uint8Array): Uint8Array | undefined {
  return aesGcmDecrypt(
    key,
    decodeHex(params.nonce, FORMAT, 'a nonce'),
    ciphertext,
    decodeHex(params.tag, FORMAT, 'a tag'),
  );
}

/**
 * Unwraps the master key with the first password slot the password opens (a vault can have several
 * password slots, e.g. a backup password), then decrypts the content. Biometric slots are
 * device-bound and skipped.
 */
export async function decryptAegisContent(
  header: AegisHeader,
  db: unknown,
  password: string,
): Promise<unknown> {
  // Each password slot costs a scrypt run: refuse a file packed with them before any work.
  const listed = Array.isArray(header.slots) ? header.slots : [];
  const passwordSlotCount = listed.filter((s) => isRecord(s) && s.type === PASSWORD_SLOT).length;
  if (passwordSlotCount > KDF_FILE_LIMITS.maxMemoryHardPerFile)
    throw unsafeParameters(`${passwordSlotCount} password slots`);
  const { slots, params } = parseShape(headerShape, header, FORMAT);
  if (typeof db !== 'string') throw malformed(FORMAT, 'the encrypted content is missing');
  const passwordSlots = slots.filter((slot) => slot.type === PASSWORD_SLOT);
  if (passwordSlots.length === 0)
    throw malformed(FORMAT, 'it has no password slot (biometric-only vaults cannot be exported)');
  for (const slot of passwordSlots) {
    if (
      slot.n === undefined ||
      slot.r === undefined ||
      slot.p === undefined ||
      slot.salt === undefined
    ) {
      throw malformed(FORMAT, 'a password slot lacks its scrypt parameters');
    }
    const salt = decodeHex(slot.salt, FORMAT, 'a slot salt');
    const derived = await scrypt(password, salt, { n: slot.n, r: slot.r, p: slot.p }, 32, FORMAT);
    const masterKey = open(derived, slot.key_params, decodeHex(slot.key, FORMAT, 'a slot key'));
    if (!masterKey) continue;
    const content = open(masterKey, params, decodeBase64(db, FORMAT, 'the encrypted content'));
    if (!content)
      throw malformed(FORMAT, 'the content does not match its key (the file was altered)');
    return parseJsonStrict(Buffer.from(content).toString('utf8'), FORMAT);
  }
  throw wrongPassword(FORMAT);
}
