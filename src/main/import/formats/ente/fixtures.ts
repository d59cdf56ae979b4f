import { argon2id } from 'hash-wasm';
import { b64, random, utf8 } from '../test-support/crypto';
import { SECRET2_B32, SECRET_B32 } from '../test-support/secrets';
import { TAG_FINAL, secretstreamInit, secretstreamPush } from '../shared/secretstream';

/** Ente's export text: rawData links, with Ente's own `codeDisplay` parameter on some. */
export function enteLines(): string {
  return [
    `otpauth://totp/GitHub:alice?secret=${SECRET_B32}&issuer=GitHub&algorithm=SHA1&digits=6&period=30&codeDisplay=%7B%22pinned%22%3Atrue%2C%22trashed%22%3Afalse%2C%22tags%22%3A%5B%22work%22%5D%7D`,
    `otpauth://hotp/Corp:bob?secret=${SECRET2_B32}&issuer=Corp&algorithm=SHA256&digits=8&counter=5`,
    `otpauth://steam/Steam:gamer?secret=${SECRET2_B32}&issuer=Steam&algorithm=SHA1&digits=5&period=30`,
    '',
  ].join('\n');
}

/**
 * Encrypted like Ente: Argon2id (one lane, memLimit bytes, opsLimit passes) and one secretstream
 * message tagged FINAL. Small costs here (Ente uses up to 256 MiB × 16); the file records them.
 */
export async function enteEncrypted(
  password: string,
  text = enteLines(),
  memLimit = 64 * 1024,
  opsLimit = 2,
): Promise<string> {
  const salt = random(16);
  const key = await argon2id({
    password,
    salt,
    parallelism: 1,
    iterations: opsLimit,
    memorySize: memLimit / 1024,
    hashLength: 32,
    outputType: 'binary',
  });
  const header = random(24);
  const sealed = secretstreamPush(secretstreamInit(key, header), utf8(text), TAG_FINAL);
  return JSON.stringify({
    version: 1,
    kdfParams: { memLimit, opsLimit, salt: b64(salt) },
    encryptedData: b64(sealed),
    encryptionNonce: b64(header),
  });
}
