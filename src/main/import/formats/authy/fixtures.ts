import { pbkdf2Sync } from 'node:crypto';
import { aesCbcEncrypt, b64, utf8 } from '../test-support/crypto';
import { SECRET2_B32, SECRET_B32 } from '../test-support/secrets';

const escapeXml = (v: string) =>
  v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function authyPrefs(key: string, tokens: unknown[]): string {
  return `<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<map>\n    <string name="${key}">${escapeXml(JSON.stringify(tokens))}</string>\n    <long name="com.authy.storage.tokens.authenticator.last_update" value="1700000000" />\n</map>\n`;
}

export const authyBase = {
  accountType: 'authenticator',
  digits: 6,
  isNew: false,
  timestamp: 1700000000,
};

/** Newer Authy: secrets encrypted per token with the backup password. */
export function authyEncrypted(password: string): string {
  const encrypt = (secret: string, salt: string) =>
    b64(
      aesCbcEncrypt(
        new Uint8Array(pbkdf2Sync(password, salt, 1000, 32, 'sha1')),
        new Uint8Array(16),
        utf8(secret),
      ),
    );
  return authyPrefs('com.authy.storage.tokens.authenticator.key', [
    {
      ...authyBase,
      name: 'alice',
      originalName: 'GitHub:alice',
      originalIssuer: 'GitHub',
      encryptedSecret: encrypt(SECRET_B32, 'saltA'),
      salt: 'saltA',
    },
    {
      ...authyBase,
      accountType: 'dropbox',
      name: 'Dropbox - carol',
      digits: 8,
      encryptedSecret: encrypt(SECRET2_B32.toLowerCase(), 'saltB'),
      salt: 'saltB',
    },
  ]);
}

/** Authy from 2023 on: each token also records its own IV and iteration count. */
export function authyEncryptedUniqueIv(password: string): string {
  const iv = new Uint8Array(16).map((_, i) => i * 7 + 1);
  const key = new Uint8Array(pbkdf2Sync(password, 'saltC', 100_000, 32, 'sha1'));
  return authyPrefs('com.authy.storage.tokens.authenticator.key', [
    {
      ...authyBase,
      name: 'erin',
      originalName: 'Slack:erin',
      originalIssuer: 'Slack',
      encryptedSecret: b64(aesCbcEncrypt(key, iv, utf8(SECRET_B32))),
      salt: 'saltC',
      unique_iv: b64(iv),
      key_derivation_iterations: 100_000,
    },
  ]);
}
