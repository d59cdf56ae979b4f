import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { TesseraError } from '../../../shared/errors';

/** Sealed values are text (`v1.` + base64 of iv | ciphertext | tag); base32 never holds a dot. */
const PREFIX = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

/**
 * AES-256-GCM with the owner's identity as associated data, so a sealed value copied onto
 * another row (another account, another code) fails to open instead of being accepted.
 */
export function seal(key: Buffer, plaintext: Buffer, associatedData: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
}

/** Opens a sealed value; a wrong key, a tampered value or the wrong owner throws `SEAL_BROKEN`. */
export function open(key: Buffer, sealed: string, associatedData: string): Buffer {
  const bytes = isSealed(sealed) ? Buffer.from(sealed.slice(PREFIX.length), 'base64') : null;
  if (!bytes || bytes.length < IV_BYTES + TAG_BYTES) throw broken();
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw broken();
  }
}

function broken(): TesseraError {
  return new TesseraError(
    'SEAL_BROKEN',
    'A sealed value in the vault cannot be opened: it was damaged or moved. Restore from a backup.',
  );
}
