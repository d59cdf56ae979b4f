import { pbkdf2 as nodePbkdf2, scrypt as nodeScrypt } from 'node:crypto';
import { argon2id as wasmArgon2id } from 'hash-wasm';
import { malformed, unsafeParameters } from './errors';
import { charge } from './kdf-budget';

/**
 * Password key derivation with hard ceilings. A hostile file must not be able to make the import
 * run for minutes or allocate gigabytes, so every cost it records is checked against a ceiling set
 * well above what the real apps use (noted beside each one) and refused above it.
 */
export const KDF_LIMITS = {
  // andOTP ≤ 160 000, FreeOTP 100 000, Stratum legacy 64 000, 2FAS 10 000.
  pbkdf2MaxIterations: 1_000_000,
  // Aegis uses N = 2^15, r = 8, p = 1 (32 MiB); allow 16× that work and up to 1 GiB.
  scryptMaxWork: 2 ** 22,
  scryptMaxMemoryBytes: 1024 * 1024 * 1024,
  // Ente's "sensitive" profile is 256 MiB × 16 passes (or the same product at other splits);
  // Stratum 64 MiB × 3, Proton 19 MiB × 2.
  argon2MaxMemoryKiB: 1024 * 1024,
  argon2MaxIterations: 256,
  argon2MaxWorkKiB: 256 * 1024 * 16,
  argon2MaxParallelism: 16,
} as const;

export type PbkdfDigest = 'sha1' | 'sha256' | 'sha512';

function passwordBytes(password: string): Buffer {
  // Java's PBEKeySpec, libsodium and the apps' own code all feed UTF-8 bytes of the password.
  return Buffer.from(password, 'utf8');
}

function checkInteger(value: number, min: number, format: string, what: string): void {
  if (!Number.isSafeInteger(value) || value < min)
    throw malformed(format, `${what} is not a valid number`);
}

export async function pbkdf2(
  password: string,
  salt: Uint8Array,
  iterations: number,
  keyLength: number,
  digest: PbkdfDigest,
  format: string,
): Promise<Uint8Array> {
  checkInteger(iterations, 1, format, 'the key-derivation iteration count');
  if (iterations > KDF_LIMITS.pbkdf2MaxIterations) unsafe(`PBKDF2 with ${iterations} iterations`);
  charge({ pbkdf2Iterations: iterations });
  return new Promise((resolve, reject) => {
    nodePbkdf2(passwordBytes(password), salt, iterations, keyLength, digest, (error, key) =>
      error
        ? reject(malformed(format, 'the key could not be derived'))
        : resolve(new Uint8Array(key)),
    );
  });
}

export interface ScryptParams {
  n: number;
  r: number;
  p: number;
}

export async function scrypt(
  password: string,
  salt: Uint8Array,
  params: ScryptParams,
  keyLength: number,
  format: string,
): Promise<Uint8Array> {
  const { n, r, p } = params;
  checkInteger(n, 2, format, 'the scrypt N parameter');
  checkInteger(r, 1, format, 'the scrypt r parameter');
  checkInteger(p, 1, format, 'the scrypt p parameter');
  if ((n & (n - 1)) !== 0) throw malformed(format, 'the scrypt N parameter is not a power of two');
  const memory = 128 * n * r;
  if (n * r * p > KDF_LIMITS.scryptMaxWork || memory > KDF_LIMITS.scryptMaxMemoryBytes) {
    unsafe(`scrypt N=${n}, r=${r}, p=${p}`);
  }
  charge({ memoryHard: 1, scryptWork: n * r * p });
  return new Promise((resolve, reject) => {
    nodeScrypt(
      passwordBytes(password),
      salt,
      keyLength,
      { N: n, r, p, maxmem: memory * 2 + 1024 * 1024 },
      (error, key) =>
        error
          ? reject(malformed(format, 'the key could not be derived'))
          : resolve(new Uint8Array(key)),
    );
  });
}

export interface Argon2Params {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

export async function argon2id(
  password: string,
  salt: Uint8Array,
  params: Argon2Params,
  keyLength: number,
  format: string,
): Promise<Uint8Array> {
  const { memoryKiB, iterations, parallelism } = params;
  checkInteger(iterations, 1, format, 'the Argon2 iteration count');
  checkInteger(parallelism, 1, format, 'the Argon2 parallelism');
  checkInteger(memoryKiB, 8 * parallelism, format, 'the Argon2 memory size');
  if (
    memoryKiB > KDF_LIMITS.argon2MaxMemoryKiB ||
    iterations > KDF_LIMITS.argon2MaxIterations ||
    parallelism > KDF_LIMITS.argon2MaxParallelism ||
    memoryKiB * iterations > KDF_LIMITS.argon2MaxWorkKiB
  ) {
    unsafe(`Argon2id with ${Math.round(memoryKiB / 1024)} MiB × ${iterations} passes`);
  }
  if (salt.length < 8) throw malformed(format, 'the Argon2 salt is too short');
  charge({ memoryHard: 1, argon2WorkKiB: memoryKiB * iterations });
  const key = await wasmArgon2id({
    password: passwordBytes(password),
    salt,
    memorySize: memoryKiB,
    iterations,
    parallelism,
    hashLength: keyLength,
    outputType: 'binary',
  });
  return new Uint8Array(key);
}

function unsafe(detail: string): never {
  throw unsafeParameters(detail);
}
