import { createDecipheriv } from 'node:crypto';

/**
 * Symmetric decryption that reports failure as `undefined` rather than an exception, so each
 * importer decides whether a failure means "wrong password" or "damaged file".
 */

function aesName(key: Uint8Array, mode: 'gcm' | 'cbc'): string | undefined {
  if (key.length === 16) return `aes-128-${mode}`;
  if (key.length === 24) return `aes-192-${mode}`;
  if (key.length === 32) return `aes-256-${mode}`;
  return undefined;
}

export const GCM_TAG_BYTES = 16;

export function aesGcmDecrypt(
  key: Uint8Array,
  iv: Uint8Array,
  ciphertext: Uint8Array,
  tag: Uint8Array,
  aad?: Uint8Array,
): Uint8Array | undefined {
  const name = aesName(key, 'gcm');
  if (!name || iv.length === 0 || tag.length !== GCM_TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv(name as 'aes-256-gcm', key, iv, {
      authTagLength: GCM_TAG_BYTES,
    });
    decipher.setAuthTag(tag);
    if (aad) decipher.setAAD(aad);
    return new Uint8Array(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
  } catch {
    return undefined;
  }
}

/** GCM with the tag appended to the ciphertext, as Java's Cipher and most libraries write it. */
export function aesGcmDecryptAppended(
  key: Uint8Array,
  iv: Uint8Array,
  sealed: Uint8Array,
  aad?: Uint8Array,
): Uint8Array | undefined {
  if (sealed.length < GCM_TAG_BYTES) return undefined;
  const split = sealed.length - GCM_TAG_BYTES;
  return aesGcmDecrypt(key, iv, sealed.subarray(0, split), sealed.subarray(split), aad);
}

/** AES-CBC with PKCS#7 padding; undefined when the padding is wrong (usually a wrong key). */
export function aesCbcDecrypt(
  key: Uint8Array,
  iv: Uint8Array,
  ciphertext: Uint8Array,
): Uint8Array | undefined {
  const name = aesName(key, 'cbc');
  if (!name || iv.length !== 16 || ciphertext.length === 0 || ciphertext.length % 16 !== 0)
    return undefined;
  try {
    const decipher = createDecipheriv(name, key, iv);
    return new Uint8Array(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
  } catch {
    return undefined;
  }
}
