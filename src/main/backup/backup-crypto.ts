import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { ImportError } from '../import/import-types';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  DEFAULT_SCRYPT,
  SCRYPT_BOUNDS,
  associatedData,
  scryptMemory,
  type BackupEnvelope,
  type ScryptParams,
} from './backup-envelope';

/** Async scrypt runs on libuv's thread pool, so the main process keeps answering meanwhile. */
function deriveKey(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      32,
      { N: params.N, r: params.r, p: params.p, maxmem: scryptMemory(params) + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export function checkScryptParams(params: ScryptParams): void {
  const { N, r, p } = params;
  const powerOfTwo = N > 1 && (N & (N - 1)) === 0;
  if (
    !powerOfTwo ||
    N < SCRYPT_BOUNDS.minN ||
    N > SCRYPT_BOUNDS.maxN ||
    r < 1 ||
    r > SCRYPT_BOUNDS.maxR ||
    p < 1 ||
    p > SCRYPT_BOUNDS.maxP ||
    scryptMemory(params) > SCRYPT_BOUNDS.maxMemory
  ) {
    throw new ImportError(
      'IMPORT_UNSAFE_PARAMETERS',
      'This backup asks for key-derivation settings outside the safe range Tessera accepts; it was not opened.',
    );
  }
}

export async function encryptPayload(
  plaintext: Buffer,
  password: string,
  now: Date,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<BackupEnvelope> {
  checkScryptParams(params);
  const salt = randomBytes(32);
  const iv = randomBytes(12);
  const header = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    kdf: { name: 'scrypt' as const, ...params, salt: salt.toString('base64') },
    createdAt: now.toISOString(),
  };
  const key = await deriveKey(password, salt, params);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(
    associatedData({ ...header, cipher: { name: 'aes-256-gcm', iv: iv.toString('base64') } }),
  );
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return {
    ...header,
    format: BACKUP_FORMAT,
    cipher: {
      name: 'aes-256-gcm',
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    },
    ciphertext: ciphertext.toString('base64'),
  };
}

/** GCM cannot tell a wrong password from a modified file; the message says both. */
export async function decryptPayload(envelope: BackupEnvelope, password: string): Promise<Buffer> {
  const params = { N: envelope.kdf.N, r: envelope.kdf.r, p: envelope.kdf.p };
  checkScryptParams(params);
  const key = await deriveKey(password, Buffer.from(envelope.kdf.salt, 'base64'), params);
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      key,
      Buffer.from(envelope.cipher.iv, 'base64'),
    );
    decipher.setAAD(associatedData(envelope));
    decipher.setAuthTag(Buffer.from(envelope.cipher.tag, 'base64'));
    return Buffer.concat([
      decipher.update(Buffer.from(envelope.ciphertext, 'base64')),
      decipher.final(),
    ]);
  } catch {
    throw new ImportError(
      'IMPORT_WRONG_PASSWORD',
      'The password is wrong, or the backup file has been modified or damaged. Nothing was imported.',
    );
  }
}
