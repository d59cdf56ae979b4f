import { randomBytes } from 'node:crypto';
import { argon2id } from 'hash-wasm';
import { z } from 'zod';

/**
 * Argon2id parameters, stored beside the wrap they made so they can be raised later without
 * breaking older wraps. 64 MiB, 3 passes, 1 lane: RFC 9106's second recommended option (the
 * first, 2 GiB, is too much for a desktop unlock); `npm run bench` measures the unlock.
 */
export const kdfParamsSchema = z.object({
  algorithm: z.literal('argon2id'),
  memoryKiB: z
    .number()
    .int()
    .min(8 * 1024)
    .max(4 * 1024 * 1024),
  iterations: z.number().int().min(1).max(64),
  parallelism: z.number().int().min(1).max(16),
  /** base64, 16 random bytes. */
  salt: z.string().min(16).max(64),
});
export type KdfParams = z.infer<typeof kdfParamsSchema>;

export const DEFAULT_KDF_COST = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 } as const;

export function newKdfParams(cost: Omit<KdfParams, 'algorithm' | 'salt'> = DEFAULT_KDF_COST) {
  return {
    algorithm: 'argon2id',
    ...cost,
    salt: randomBytes(16).toString('base64'),
  } satisfies KdfParams;
}

/** The 256-bit key a master password gives under these parameters. */
export async function keyFromPassword(password: string, params: KdfParams): Promise<Buffer> {
  const out = await argon2id({
    password,
    salt: Buffer.from(params.salt, 'base64'),
    memorySize: params.memoryKiB,
    iterations: params.iterations,
    parallelism: params.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}
