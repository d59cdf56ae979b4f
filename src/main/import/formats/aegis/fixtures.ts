import { scryptSync } from 'node:crypto';
import { aesGcmSeal, b64, hex, random, utf8 } from '../test-support/crypto';
import { SECRET2_B32, SECRET_B32 } from '../test-support/secrets';

/** Aegis vault content (version 3: groups as UUID lists) with one entry of each interesting kind. */
export function aegisContent(): Record<string, unknown> {
  const group = '8a0d1a3c-6e86-4a2a-9d0c-3f0a6c1b2c11';
  const entry = (type: string, name: string, issuer: string, info: Record<string, unknown>) => ({
    type,
    uuid: '3ae6f1ad-2e65-4ed2-a953-1ec0dff2386d',
    name,
    issuer,
    note: '',
    favorite: false,
    icon: null,
    info,
    groups: [group],
  });
  return {
    version: 3,
    entries: [
      entry('totp', 'alice@example.com', 'GitHub', {
        secret: SECRET_B32,
        algo: 'SHA1',
        digits: 6,
        period: 30,
      }),
      entry('hotp', 'bob', 'Corp VPN', {
        secret: SECRET2_B32,
        algo: 'SHA256',
        digits: 8,
        counter: 7,
      }),
      entry('steam', 'gamer', 'Steam', {
        secret: SECRET2_B32,
        algo: 'SHA1',
        digits: 5,
        period: 30,
      }),
      entry('yandex', 'ivan', 'Yandex', {
        secret: SECRET_B32,
        algo: 'SHA256',
        digits: 8,
        period: 30,
        pin: '1234',
      }),
      entry('totp', 'md5-user', 'Legacy', {
        secret: SECRET_B32,
        algo: 'MD5',
        digits: 6,
        period: 30,
      }),
    ],
    groups: [{ uuid: group, name: 'Work' }],
  };
}

export function aegisPlain(content: unknown = aegisContent()): string {
  return JSON.stringify(
    { version: 1, header: { slots: null, params: null }, db: content },
    null,
    4,
  );
}

/**
 * An encrypted vault exactly as Aegis writes it: random master key, wrapped with
 * scrypt(password, salt, n, r, p) → AES-256-GCM in a password slot; content AES-256-GCM, base64.
 * `n` defaults to 2^10 (Aegis uses 2^15) to keep tests fast; the file records it.
 */
export function aegisEncrypted(
  password: string,
  options: { n?: number; content?: unknown; extraSlots?: unknown[] } = {},
): string {
  const n = options.n ?? 1024;
  const masterKey = random(32);
  const salt = random(32);
  const derived = new Uint8Array(scryptSync(password, salt, 32, { N: n, r: 8, p: 1 }));
  const slotNonce = random(12);
  const wrapped = aesGcmSeal(derived, slotNonce, masterKey);
  const nonce = random(12);
  const sealed = aesGcmSeal(
    masterKey,
    nonce,
    utf8(JSON.stringify(options.content ?? aegisContent())),
  );
  const slot = {
    type: 1,
    uuid: '01234567-89ab-cdef-0123-456789abcdef',
    key: hex(wrapped.ciphertext),
    key_params: { nonce: hex(slotNonce), tag: hex(wrapped.tag) },
    n,
    r: 8,
    p: 1,
    salt: hex(salt),
    repaired: true,
    is_backup: false,
  };
  return JSON.stringify({
    version: 1,
    header: {
      slots: [...(options.extraSlots ?? []), slot],
      params: { nonce: hex(nonce), tag: hex(sealed.tag) },
    },
    db: b64(sealed.ciphertext),
  });
}
