import { describe, expect, it } from 'vitest';
import { SECRET2_B32, SECRET_B32, detects, expectImportError, run } from '../test-support/run';
import { authenticatorProFormat } from './authenticator-pro';
import {
  authenticatorProEncrypted,
  authenticatorProJson,
  authenticatorProLegacyEncrypted,
} from './fixtures';

describe('Stratum / Authenticator Pro backup', () => {
  it('reads plain JSON field by field; mOTP and Yandex are skipped with a reason', async () => {
    const input = authenticatorProJson();
    expect(detects(authenticatorProFormat, input)).toBe(true);
    const { entries } = await run(authenticatorProFormat, input);
    expect(entries[0]?.draft).toEqual({
      type: 'totp',
      issuer: 'Google',
      name: 'google@gmail.com',
      secret: SECRET_B32,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
    });
    expect(entries[1]?.draft).toMatchObject({
      type: 'hotp',
      issuer: 'VPN',
      name: 'bob',
      secret: SECRET2_B32,
      algorithm: 'SHA256',
      digits: 8,
      counter: 42,
    });
    expect(entries[2]?.draft).toMatchObject({
      type: 'steam',
      issuer: 'Steam',
      name: '',
      digits: 5,
    });
    expect(entries[3]?.skipReason).toContain('mOTP');
    expect(entries[4]?.skipReason).toContain('Yandex');
  });

  it('decrypts the current (Argon2id + AES-GCM) backup', async () => {
    const input = await authenticatorProEncrypted('pro pw');
    expect(detects(authenticatorProFormat, input)).toBe(true);
    const result = await run(authenticatorProFormat, input, { password: 'pro pw' });
    expect(result.format).toContain('(encrypted)');
    expect(result.entries[0]?.draft).toMatchObject({ issuer: 'Google', secret: SECRET_B32 });
    await expectImportError(
      run(authenticatorProFormat, input, { password: 'bad' }),
      'IMPORT_WRONG_PASSWORD',
    );
    await expectImportError(run(authenticatorProFormat, input), 'IMPORT_PASSWORD_REQUIRED');
    await expectImportError(
      run(authenticatorProFormat, input.slice(0, 40), { password: 'pro pw' }),
      'IMPORT_TRUNCATED',
    );
  });

  it('decrypts the legacy (PBKDF2 + AES-CBC) backup and refuses a wrong password', async () => {
    const input = authenticatorProLegacyEncrypted('pro pw');
    expect(detects(authenticatorProFormat, input)).toBe(true);
    const result = await run(authenticatorProFormat, input, { password: 'pro pw' });
    expect(result.format).toContain('legacy');
    expect(result.entries[1]?.draft).toMatchObject({ type: 'hotp', counter: 42 });
    await expectImportError(
      run(authenticatorProFormat, input, { password: 'bad' }),
      'IMPORT_WRONG_PASSWORD',
    );
  });
});
