import { argon2id } from 'hash-wasm';
import { aesGcmSealAppended, b64, concat, random, utf8 } from '../test-support/crypto';
import { SECRET2_B32, SECRET_B32 } from '../test-support/secrets';

export function protonPlain(): string {
  return JSON.stringify({
    version: 1,
    entries: [
      {
        id: 'a',
        content: {
          uri: `otpauth://totp/alice?secret=${SECRET_B32}&issuer=GitHub&algorithm=SHA256&digits=8&period=15`,
          entry_type: 'Totp',
          name: 'alice',
        },
        note: 'work',
      },
      {
        id: 'b',
        content: { uri: `steam://${SECRET2_B32}`, entry_type: 'Steam', name: 'gamer' },
        note: null,
      },
      {
        id: 'c',
        content: {
          uri: `otpauth://totp/x?secret=${SECRET2_B32}&algorithm=MD5`,
          entry_type: 'Totp',
          name: 'x',
        },
        note: null,
      },
    ],
  });
}

/** Password-protected the way Proton's exporter does it (its Argon2 parameters are fixed). */
export async function protonEncrypted(password: string): Promise<string> {
  const salt = random(16);
  const key = await argon2id({
    password,
    salt,
    parallelism: 1,
    iterations: 2,
    memorySize: 19 * 1024,
    hashLength: 32,
    outputType: 'binary',
  });
  const nonce = random(12);
  const sealed = aesGcmSealAppended(
    key,
    nonce,
    utf8(protonPlain()),
    utf8('proton.authenticator.export.v1'),
  );
  return JSON.stringify({ version: 1, salt: b64(salt), content: b64(concat(nonce, sealed)) });
}
