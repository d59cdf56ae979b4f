import { z } from 'zod';

/** The outer, unencrypted part of a `.tessera` backup file (docs/backup-format.md). */
export const BACKUP_FORMAT = 'tessera-backup' as const;
export const BACKUP_VERSION = 1;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** What we write: ~128 MiB and a few hundred ms, OWASP's scrypt recommendation or better. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/**
 * What we accept when reading: a hostile file must not make us spend gigabytes or minutes.
 * Memory is 128·N·r bytes, so N·r is bounded as well as each factor.
 */
export const SCRYPT_BOUNDS = {
  minN: 2 ** 10,
  maxN: 2 ** 20,
  maxR: 32,
  maxP: 4,
  maxMemory: 512 * 1024 * 1024,
};

export function scryptMemory(params: ScryptParams): number {
  return 128 * params.N * params.r * (params.p + 1);
}

const base64 = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/)
    .refine((v) => Buffer.from(v, 'base64').length === bytes, `must be ${bytes} bytes`);

export const envelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
    salt: base64(32),
  }),
  cipher: z.object({
    name: z.literal('aes-256-gcm'),
    iv: base64(12),
    tag: base64(16),
  }),
  createdAt: z.string().max(64),
  ciphertext: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
});
export type BackupEnvelope = z.infer<typeof envelopeSchema>;

/**
 * Authenticated with the ciphertext as GCM additional data, so changing any header field (the
 * KDF parameters, the date) makes decryption fail instead of silently meaning something else.
 */
export function associatedData(
  e: Omit<BackupEnvelope, 'ciphertext' | 'cipher'> & { cipher: { name: string; iv: string } },
): Buffer {
  return Buffer.from(
    JSON.stringify([
      e.format,
      e.version,
      e.kdf.name,
      e.kdf.N,
      e.kdf.r,
      e.kdf.p,
      e.kdf.salt,
      e.cipher.name,
      e.cipher.iv,
      e.createdAt,
    ]),
    'utf8',
  );
}
