import { pbkdf2Sync } from 'node:crypto';
import { argon2id } from 'hash-wasm';
import { aesCbcEncrypt, aesGcmSealAppended, concat, random, utf8 } from '../test-support/crypto';
import { SECRET2_B32, SECRET_B32 } from '../test-support/secrets';

export function authenticatorProJson(): string {
  const item = (
    Type: number,
    Issuer: string,
    Username: string | null,
    extra: Record<string, unknown> = {},
  ) => ({
    Type,
    Icon: 'default',
    Issuer,
    Username,
    Secret: SECRET_B32,
    Pin: null,
    Algorithm: 0,
    Digits: 6,
    Period: 30,
    Counter: 0,
    Ranking: 0,
    CopyCount: 3,
    ...extra,
  });
  return JSON.stringify({
    Authenticators: [
      item(2, 'Google', 'google@gmail.com'),
      item(1, 'VPN', 'bob', { Secret: SECRET2_B32, Algorithm: 1, Digits: 8, Counter: 42 }),
      item(4, 'Steam', null, { Secret: SECRET2_B32, Digits: 5 }),
      item(3, 'Old mOTP', 'x', { Pin: '1234' }),
      item(5, 'Yandex', 'ivan', { Algorithm: 1, Digits: 8 }),
    ],
    Categories: [{ Id: 'c1', Name: 'Work', Ranking: 0 }],
    AuthenticatorCategories: [],
    CustomIcons: [],
  });
}

/** Current format with the app's fixed Argon2id parameters (not recorded in the file). */
export async function authenticatorProEncrypted(password: string): Promise<Uint8Array> {
  const salt = random(16);
  const iv = random(12);
  const key = await argon2id({
    password,
    salt,
    parallelism: 4,
    iterations: 3,
    memorySize: 64 * 1024,
    hashLength: 32,
    outputType: 'binary',
  });
  return concat(
    utf8('AUTHENTICATORPRO'),
    salt,
    iv,
    aesGcmSealAppended(key, iv, utf8(authenticatorProJson())),
  );
}

export function authenticatorProLegacyEncrypted(password: string): Uint8Array {
  const salt = random(20);
  const iv = random(16);
  const key = new Uint8Array(pbkdf2Sync(password, salt, 64_000, 32, 'sha1'));
  return concat(
    utf8('AuthenticatorPro'),
    salt,
    iv,
    aesCbcEncrypt(key, iv, utf8(authenticatorProJson())),
  );
}
