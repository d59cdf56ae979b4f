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

/**
 * Entries as newer versions of the app write them: every number a string ("base":"16"), extra
 * bookkeeping keys, an 8-digit 60-second entry; what the parsers that wanted numbers dropped.
 */
export function totpAuthenticatorStringEntries(): string[] {
  return [
    JSON.stringify({
      base: '16',
      key: hex(SECRET_BYTES).toUpperCase(),
      name: 'alice',
      issuer: 'GitHub',
      digits: '6',
      period: '30',
      color: '-16777216',
      selected: 'false',
      time: '1700000000000',
    }),
    JSON.stringify({
      base: '32',
      key: SECRET2_B32.toLowerCase(),
      name: 'bob',
      issuer: 'Dropbox',
      digits: '8',
      period: '60',
    }),
  ];
}

/**
 * The .bin backup: base64 (Android Base64.DEFAULT, lines of 76) of
 * AES-256-CBC(SHA-256(password), zero IV, {"<entries array>": "<date>"}).
 */
export function totpAuthenticatorBackup(
  password = 'TotpAuthenticator',
  entries: string[] = totpAuthenticatorEntries(),
): string {
  const plain = JSON.stringify({ [JSON.stringify(entries)]: '2024-01-01 10:00:00' });
  const base64 = b64(aesCbcEncrypt(sha256(password), new Uint8Array(16), utf8(plain)));
  return `${base64.replace(/(.{76})/g, '$1\n')}\n`;
}

export function totpAuthenticatorPrefs(entries: string[] = totpAuthenticatorEntries()): string {
  const value = JSON.stringify(entries).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<map>\n    <boolean name="IS_FIRST_LAUNCH" value="false" />\n    <string name="STATIC_TOTP_CODES_LIST">${value}</string>\n    <int name="THEME" value="1" />\n</map>\n`;
}
