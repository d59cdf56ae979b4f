import { createHash, pbkdf2Sync } from 'node:crypto';
import { aesGcmSealAppended, concat, random, utf8 } from '../test-support/crypto';
import { SECRET2_B32, SECRET_B32 } from '../test-support/secrets';

export function andOtpEntries(): unknown[] {
  const common = {
    thumbnail: 'Default',
    last_used: 1700000000000,
    used_frequency: 0,
    tags: ['work'],
  };
  return [
    {
      secret: SECRET_B32,
      issuer: 'GitHub',
      label: 'alice',
      digits: 6,
      type: 'TOTP',
      algorithm: 'SHA1',
      period: 30,
      ...common,
    },
    {
      secret: SECRET2_B32,
      issuer: 'VPN',
      label: 'bob',
      digits: 8,
      type: 'HOTP',
      algorithm: 'SHA256',
      counter: 12,
      ...common,
    },
    {
      secret: SECRET2_B32,
      issuer: 'Steam',
      label: 'gamer',
      digits: 5,
      type: 'STEAM',
      algorithm: 'SHA1',
      period: 30,
      ...common,
    },
    // andOTP < 0.4 had no issuer field: "Issuer - Name" in the label.
    {
      secret: SECRET_B32,
      label: 'Dropbox - carol',
      digits: 6,
      type: 'TOTP',
      algorithm: 'SHA1',
      period: 30,
    },
  ];
}

export const andOtpPlain = (): string => JSON.stringify(andOtpEntries());

/** The current encrypted layout; `iterations` is small here (andOTP picks 140 000–160 000). */
export function andOtpEncrypted(password: string, iterations = 1_000): Uint8Array {
  const salt = random(12);
  const nonce = random(12);
  const key = new Uint8Array(pbkdf2Sync(password, salt, iterations, 32, 'sha1'));
  const header = new Uint8Array(4);
  new DataView(header.buffer).setUint32(0, iterations);
  return concat(header, salt, nonce, aesGcmSealAppended(key, nonce, utf8(andOtpPlain())));
}

/** The pre-0.6.3 layout: key = SHA-256(password), no header. */
export function andOtpOldEncrypted(password: string): Uint8Array {
  const nonce = random(12);
  const key = new Uint8Array(createHash('sha256').update(password).digest());
  return concat(nonce, aesGcmSealAppended(key, nonce, utf8(andOtpPlain())));
}
