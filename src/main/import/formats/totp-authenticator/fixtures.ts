import { aesCbcEncrypt, b64, hex, sha256, utf8 } from '../test-support/crypto';
import { SECRET2_B32, SECRET_BYTES } from '../test-support/secrets';

export function totpAuthenticatorEntries(): string[] {
  return [
    JSON.stringify({
      base: 16,
      key: hex(SECRET_BYTES),
      name: 'alice',
      issuer: 'GitHub',
      color: 0,
      selected: false,
    }),
    JSON.stringify({ base: 32, key: SECRET2_B32, name: 'bob', issuer: 'Dropbox' }),
    JSON.stringify({ base: 64, key: b64(SECRET_BYTES), name: 'carol', issuer: 'AWS' }),
  ];
}

/** The backup file: base64(AES-256-CBC(SHA-256(password), zero IV, {"<array>": "<date>"})). */
export function totpAuthenticatorBackup(password = 'TotpAuthenticator'): string {
  const plain = JSON.stringify({
    [JSON.stringify(totpAuthenticatorEntries())]: '2024-01-01 10:00:00',
  });
  return b64(aesCbcEncrypt(sha256(password), new Uint8Array(16), utf8(plain)));
}

export function totpAuthenticatorPrefs(): string {
  const value = JSON.stringify(totpAuthenticatorEntries())
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;');
  return `<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<map>\n    <string name="STATIC_TOTP_CODES_LIST">${value}</string>\n</map>\n`;
}
