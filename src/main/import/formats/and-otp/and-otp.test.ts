import { describe, expect, it } from 'vitest';
import {
  GITHUB_ALICE,
  SECRET2_B32,
  SECRET_B32,
  detects,
  drafts,
  expectImportError,
  run,
} from '../test-support/run';
import { andOtpFormat } from './and-otp';
import { andOtpEncrypted, andOtpOldEncrypted, andOtpPlain } from './fixtures';

describe('andOTP backup', () => {
  it('reads a plain backup field by field, including the old "Issuer - Name" label', async () => {
    const input = andOtpPlain();
    expect(detects(andOtpFormat, input)).toBe(true);
    const [github, vpn, steam, dropbox] = drafts(await run(andOtpFormat, input));
    expect(github).toEqual(GITHUB_ALICE);
    expect(vpn).toMatchObject({
      type: 'hotp',
      issuer: 'VPN',
      name: 'bob',
      secret: SECRET2_B32,
      algorithm: 'SHA256',
      digits: 8,
      counter: 12,
    });
    expect(steam).toMatchObject({ type: 'steam', issuer: 'Steam', name: 'gamer', digits: 5 });
    expect(dropbox).toMatchObject({ issuer: 'Dropbox', name: 'carol' });
  });

  it('decrypts the current encrypted format', async () => {
    const input = andOtpEncrypted('hunter2');
    expect(detects(andOtpFormat, input)).toBe(true);
    const result = await run(andOtpFormat, input, { password: 'hunter2' });
    expect(result.format).toBe('andOTP backup (encrypted)');
    expect(drafts(result)).toHaveLength(4);
  });

  it('decrypts the old encrypted format (SHA-256 key, no header)', async () => {
    const result = await run(andOtpFormat, andOtpOldEncrypted('hunter2'), { password: 'hunter2' });
    expect(drafts(result)[0]).toMatchObject({ issuer: 'GitHub', secret: SECRET_B32 });
  });

  it('reports a missing or wrong password, a truncated file and an absurd iteration count', async () => {
    const input = andOtpEncrypted('hunter2');
    await expectImportError(run(andOtpFormat, input), 'IMPORT_PASSWORD_REQUIRED');
    await expectImportError(
      run(andOtpFormat, input, { password: 'nope' }),
      'IMPORT_WRONG_PASSWORD',
    );
    await expectImportError(
      run(andOtpFormat, input.slice(0, 20), { password: 'hunter2' }),
      'IMPORT_TRUNCATED',
    );
    const hostile = input.slice();
    new DataView(hostile.buffer).setUint32(0, 9_000_000);
    await expectImportError(
      run(andOtpFormat, hostile, { password: 'hunter2' }),
      'IMPORT_UNSAFE_PARAMETERS',
    );
  });

  it('does not claim other JSON arrays', () => {
    expect(detects(andOtpFormat, '[{"otpGenerator": {"otpSecret": "X"}, "name": "a"}]')).toBe(
      false,
    );
    expect(detects(andOtpFormat, '[]')).toBe(false);
  });
});
