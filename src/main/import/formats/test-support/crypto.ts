import { createCipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Encryption helpers for test fixtures: the writing side of what the importers read, with the same
 * algorithms the real apps use (Java's Cipher appends the GCM tag to the ciphertext).
 */

export function aesGcmSeal(
  key: Uint8Array,
  iv: Uint8Array,
  plaintext: Uint8Array,
  aad?: Uint8Array,
): { ciphertext: Uint8Array; tag: Uint8Array } {
  const cipher = createCipheriv(`aes-${key.length * 8}-gcm` as 'aes-256-gcm', key, iv);
  if (aad) cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext: new Uint8Array(ciphertext), tag: new Uint8Array(cipher.getAuthTag()) };
}

export function aesGcmSealAppended(
  key: Uint8Array,
  iv: Uint8Array,
  plaintext: Uint8Array,
  aad?: Uint8Array,
): Uint8Array {
  const { ciphertext, tag } = aesGcmSeal(key, iv, plaintext, aad);
  return concat(ciphertext, tag);
}

export function aesCbcEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Uint8Array {
  const cipher = createCipheriv(`aes-${key.length * 8}-cbc`, key, iv);
  return new Uint8Array(Buffer.concat([cipher.update(plaintext), cipher.final()]));
}

export function sha256(data: string | Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(data).digest());
}

export function random(length: number): Uint8Array {
  return new Uint8Array(randomBytes(length));
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

export const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
export const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
export const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
/** Java byte[] as org.json writes it: signed numbers. */
export const signed = (bytes: Uint8Array): number[] =>
  Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
