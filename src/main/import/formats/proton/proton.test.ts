import { describe, expect, it } from 'vitest';
import { SECRET2_B32, SECRET_B32, detects, expectImportError, run } from '../test-support/run';
import { protonEncrypted, protonPlain } from './fixtures';
import { protonFormat } from './proton';

describe('Proton Authenticator export', () => {
  it('reads TOTP and Steam entries field by field and skips an MD5 link', async () => {
    const input = protonPlain();
    expect(detects(protonFormat, input)).toBe(true);
    const result = await run(protonFormat, input);
    expect(result.entries[0]?.draft).toEqual({
      type: 'totp',
      issuer: 'GitHub',
      name: 'alice',
      secret: SECRET_B32,
      algorithm: 'SHA256',
      digits: 8,
      period: 15,
      counter: 0,
    });
    expect(result.entries[1]?.draft).toMatchObject({
      type: 'steam',
      issuer: 'Steam',
      name: 'gamer',
      secret: SECRET2_B32,
      digits: 5,
    });
    expect(result.entries[2]?.skipReason).toContain('MD5');
  });

  it('decrypts a password-protected export; missing and wrong passwords are reported', async () => {
    const input = await protonEncrypted('proton pw');
    expect(detects(protonFormat, input)).toBe(true);
    const result = await run(protonFormat, input, { password: 'proton pw' });
    expect(result.format).toBe('Proton Authenticator export (encrypted)');
    expect(result.entries[0]?.draft).toMatchObject({ issuer: 'GitHub', secret: SECRET_B32 });
    await expectImportError(run(protonFormat, input), 'IMPORT_PASSWORD_REQUIRED');
    await expectImportError(
      run(protonFormat, input, { password: 'wrong' }),
      'IMPORT_WRONG_PASSWORD',
    );
    await expectImportError(
      run(protonFormat, input.slice(0, 60), { password: 'proton pw' }),
      'IMPORT_TRUNCATED',
    );
  });
});
