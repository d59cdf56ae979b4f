import { pbkdf2Sync } from 'node:crypto';
import { writeSerializedStringMap } from '../shared/java-serialization';
import { aesGcmSealAppended, concat, random, signed, utf8 } from '../test-support/crypto';
import { SECRET_BYTES } from '../test-support/secrets';

const SECRET2_BYTES = new Uint8Array(Buffer.from('48656c6c6f21deadbeef', 'hex'));

export function freeOtpTokens(withSecrets = true): Record<string, unknown>[] {
  const s = (bytes: Uint8Array) => (withSecrets ? { secret: signed(bytes) } : {});
  return [
    {
      algo: 'SHA1',
      counter: 0,
      digits: 6,
      issuerExt: 'GitHub',
      issuerInt: 'GitHub',
      label: 'alice',
      period: 30,
      type: 'TOTP',
      ...s(SECRET_BYTES),
    },
    {
      algo: 'SHA256',
      counter: 17,
      digits: 8,
      issuerExt: 'VPN',
      label: 'bob "the admin"',
      period: 30,
      type: 'HOTP',
      ...s(SECRET2_BYTES),
    },
    {
      algo: 'SHA1',
      counter: 0,
      digits: 5,
      issuerExt: 'Steam',
      label: 'gamer',
      period: 30,
      type: 'TOTP',
      ...s(SECRET2_BYTES),
    },
    {
      algo: 'MD5',
      counter: 0,
      digits: 6,
      issuerExt: 'Old',
      label: 'x',
      period: 30,
      type: 'TOTP',
      ...s(SECRET_BYTES),
    },
  ];
}

const escapeXml = (v: string) =>
  v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** shared_prefs/tokens.xml as Android writes it. */
export function freeOtpTokensXml(tokens = freeOtpTokens()): string {
  const names = tokens.map((t) => `${String(t.issuerExt)}:${String(t.label)}`);
  const lines = tokens.map(
    (t, i) =>
      `    <string name="${escapeXml(names[i] as string)}">${escapeXml(JSON.stringify(t))}</string>`,
  );
  return `<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<map>\n    <string name="tokenOrder">${escapeXml(JSON.stringify(names))}</string>\n${lines.join('\n')}\n</map>\n`;
}

export function freeOtpPlusJson(): string {
  const tokens = freeOtpTokens();
  return JSON.stringify({
    tokenOrder: tokens.map((t) => `${String(t.issuerExt)}:${String(t.label)}`),
    tokens,
  });
}

function der(nonce: Uint8Array): number[] {
  return signed(
    concat(Uint8Array.from([0x30, 0x11, 0x04, 0x0c]), nonce, Uint8Array.from([0x02, 0x01, 0x10])),
  );
}

function encryptedKey(
  key: Uint8Array,
  plaintext: Uint8Array,
  token: string,
): Record<string, unknown> {
  const nonce = random(12);
  return {
    mCipher: 'AES/GCM/NoPadding',
    mCipherText: signed(aesGcmSealAppended(key, nonce, plaintext, utf8(token))),
    mParameters: der(nonce),
    mToken: token,
  };
}

/** FreeOTP 2 backup: PBKDF2withHmacSHA512 (the app uses 100 000 iterations; the file records it). */
export function freeOtpBackup(password: string, iterations = 1000): Uint8Array {
  const salt = random(32);
  const masterKey = random(32);
  const passwordKey = new Uint8Array(pbkdf2Sync(password, salt, iterations, 32, 'sha512'));
  const map = new Map<string, string>();
  map.set(
    'masterKey',
    JSON.stringify({
      mAlgorithm: 'PBKDF2withHmacSHA512',
      mEncryptedKey: encryptedKey(passwordKey, masterKey, 'AES'),
      mIterations: iterations,
      mSalt: signed(salt),
    }),
  );
  const secrets = [SECRET_BYTES, SECRET2_BYTES, SECRET2_BYTES, SECRET_BYTES];
  freeOtpTokens(false).forEach((token, i) => {
    const uuid = `00000000-0000-4000-8000-00000000000${i}`;
    map.set(
      uuid,
      JSON.stringify({
        key: JSON.stringify(
          encryptedKey(masterKey, secrets[i] as Uint8Array, `Hmac${String(token.algo)}`),
        ),
      }),
    );
    map.set(`${uuid}-token`, JSON.stringify(token));
  });
  return writeSerializedStringMap(map);
}
