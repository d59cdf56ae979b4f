import { pbkdf2Sync } from 'node:crypto';
import { aesGcmSealAppended, b64, random, utf8 } from '../test-support/crypto';
import { SECRET2_B32, SECRET_B32 } from '../test-support/secrets';

/** Services as 2FAS 5.x writes them (Android shape; iOS differs only in icon fields and origin). */
export function twoFasServices(): unknown[] {
  return [
    {
      name: 'GitHub',
      secret: SECRET_B32,
      updatedAt: 1700000000000,
      otp: {
        label: 'GitHub:alice',
        account: 'alice',
        issuer: 'GitHub',
        digits: 6,
        period: 30,
        algorithm: 'SHA1',
        counter: 0,
        tokenType: 'TOTP',
        source: 'Link',
      },
      order: { position: 0 },
      icon: {
        selected: 'Label',
        label: { text: 'GI', backgroundColor: 'Orange' },
        iconCollection: { id: 'a5b3fb65-4ec5-43e6-8ec1-49e24ca9e7ad' },
      },
    },
    {
      name: 'Bank',
      secret: 'jbsw y3dp ehpk 3pxp',
      otp: {
        account: 'acct-1',
        digits: 8,
        period: 60,
        algorithm: 'SHA512',
        counter: 3,
        tokenType: 'HOTP',
        source: 'Manual',
      },
      order: { position: 1 },
    },
    {
      name: 'Steam',
      secret: SECRET2_B32,
      otp: { account: 'gamer', digits: 5, period: 30, algorithm: 'SHA1', tokenType: 'STEAM' },
      order: { position: 2 },
    },
    {
      name: 'Old',
      secret: SECRET2_B32,
      otp: { account: 'x', algorithm: 'MD5', tokenType: 'TOTP' },
    },
  ];
}

export function twoFasPlain(origin: 'android' | 'ios' = 'android', schemaVersion = 4): string {
  return JSON.stringify({
    services: twoFasServices(),
    groups: [],
    updatedAt: 1700000000000,
    schemaVersion,
    appVersionCode: 5000000,
    appVersionName: '5.0.0',
    appOrigin: origin,
  });
}

function seal(key: Uint8Array, salt: Uint8Array, plaintext: string): string {
  const iv = random(12);
  return `${b64(aesGcmSealAppended(key, iv, utf8(plaintext)))}:${b64(salt)}:${b64(iv)}`;
}

/** Encrypted as 2FAS does: PBKDF2-HMAC-SHA256 (10 000 iterations, 256-bit key) and AES-GCM. */
export function twoFasEncrypted(password: string, services: unknown[] = twoFasServices()): string {
  const salt = random(256);
  const key = new Uint8Array(pbkdf2Sync(password, salt, 10_000, 32, 'sha256'));
  return JSON.stringify({
    services: [],
    groups: [],
    updatedAt: 1700000000000,
    schemaVersion: 4,
    appVersionCode: 5000000,
    appVersionName: '5.0.0',
    appOrigin: 'android',
    servicesEncrypted: seal(key, salt, JSON.stringify(services)),
    reference: seal(
      key,
      salt,
      'tRViSsLKzd86Hprh4ceC2OP7xazn4rrt4xhfEUbOjxLX8Rc3mkISXE0lWbmnWfggogbBJhtYgpK6fMl1D6mtsy92R3HkdGfwuXbzLebqVFJsR7IZ2w58t938iymwG4824igYy1wi6n2WDpO1Q1P69zwJGs2F5a1qP4MyIiDSD7NCV2OvidXQCBnDlGfmz0f1BQySRkkt4ryiJeCjD2o4QsveJ9uDBUn8ELyOrESv5R5DMDkD4iAF8TXU7KyoJujd',
    ),
  });
}

/**
 * Services as the 2FAS iOS app writes them: parameters only in `otp.link` (older exports), or
 * numbers as strings and no `otp.account`, only a label; ids, badges and `serviceTypeID` besides.
 */
export function twoFasIosServices(): unknown[] {
  return [
    {
      name: 'Dropbox',
      secret: SECRET_B32,
      updatedAt: 1_690_000_000_000,
      serviceTypeID: '8a8b4cfc-9b3a-4e54-8d7b-0d2ec2a0b1c1',
      otp: {
        link: `otpauth://totp/Dropbox:carol%40example.com?secret=${SECRET_B32}&issuer=Dropbox&digits=8&period=60&algorithm=SHA256`,
        label: 'Dropbox:carol@example.com',
        source: 'Link',
        tokenType: 'TOTP',
      },
      order: { position: 0 },
      badge: { color: 'Default' },
      icon: { selected: 'IconCollection', iconCollection: { id: '8a8b4cfc' } },
    },
    {
      name: 'VPN',
      secret: SECRET2_B32,
      updatedAt: 1_690_000_000_001,
      otp: {
        label: 'vpn-user',
        digits: '7',
        period: '45',
        algorithm: 'SHA256',
        tokenType: 'TOTP',
        source: 'Manual',
      },
      order: { position: 1 },
    },
    {
      name: 'Legacy',
      updatedAt: 1_690_000_000_002,
      otp: { secret: SECRET2_B32, account: 'old', counter: 5, tokenType: 'HOTP', digits: null },
    },
  ];
}

export function twoFasIos(): string {
  return JSON.stringify({
    services: twoFasIosServices(),
    groups: [],
    updatedAt: 1_690_000_000_000,
    schemaVersion: 3,
    appVersionCode: 40600,
    appVersionName: '4.6.0',
    appOrigin: 'ios',
  });
}
