import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { deriveKey } from '../keychain/master-key';

/**
 * The keys the MFA services use, all derived from the master key and never written to the
 * database: a sealing key for TOTP secrets and the HMAC keys for backup codes and API keys.
 */
export interface MfaKeys {
  seal(secret: Buffer, context: string): Buffer;
  open(sealed: Buffer, context: string): Buffer;
  backupCodeHash(userPk: number, normalizedCode: string): Buffer;
  apiKeyHash(keySecret: string): Buffer;
}

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export function createMfaKeys(masterKey: Buffer): MfaKeys {
  const sealKey = deriveKey(masterKey, 'mfa-secrets');
  const backupKey = deriveKey(masterKey, 'backup-codes');
  const apiKey = deriveKey(masterKey, 'api-keys');
  return {
    // AES-256-GCM with the factor id as associated data: a sealed secret copied onto another row fails to open.
    seal(secret, context) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', sealKey, nonce);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(secret), cipher.final()]);
      return Buffer.concat([nonce, body, cipher.getAuthTag()]);
    },
    open(sealed, context) {
      const nonce = sealed.subarray(0, NONCE_BYTES);
      const tag = sealed.subarray(sealed.length - TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', sealKey, nonce);
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(tag);
      return Buffer.concat([
        decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES)),
        decipher.final(),
      ]);
    },
    // Bound to the user so the same code for two users hashes differently.
    backupCodeHash: (userPk, code) =>
      createHmac('sha256', backupKey).update(`${userPk}:${code}`).digest(),
    apiKeyHash: (keySecret) => createHmac('sha256', apiKey).update(keySecret).digest(),
  };
}
