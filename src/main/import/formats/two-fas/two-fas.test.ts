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
import { twoFasEncrypted, twoFasIos, twoFasPlain } from './fixtures';
import { twoFasFormat } from './two-fas';

describe('2FAS backup', () => {
  it('reads a plain backup field by field: TOTP, manual HOTP, Steam; skips MD5', async () => {
    const input = twoFasPlain();
    expect(detects(twoFasFormat, input)).toBe(true);
    const result = await run(twoFasFormat, input);
    expect(result.format).toBe('2FAS backup');
    const [github, bank, steam] = drafts({ ...result, entries: result.entries.slice(0, 3) });
    expect(github).toEqual(GITHUB_ALICE);
    expect(bank).toMatchObject({
      type: 'hotp',
      issuer: 'Bank',
      name: 'acct-1',
      secret: SECRET2_B32,
      algorithm: 'SHA512',
      digits: 8,
      counter: 3,
    });
    expect(steam).toMatchObject({ type: 'steam', issuer: 'Steam', name: 'gamer', digits: 5 });
    expect(result.entries[3]?.skipReason).toContain('MD5');
  });

  it('reads iOS and older schema versions, refuses a newer one', async () => {
    expect(
      drafts({
        format: '',
        entries: (await run(twoFasFormat, twoFasPlain('ios', 2))).entries.slice(0, 3),
      }),
    ).toHaveLength(3);
    await expectImportError(
      run(twoFasFormat, twoFasPlain('android', 5)),
      'IMPORT_UNSUPPORTED_VERSION',
    );
  });

  it('reads an iOS export whose fields sit elsewhere: in otp.link, as strings, on otp', async () => {
    const input = twoFasIos();
    expect(detects(twoFasFormat, input)).toBe(true);
    expect(drafts(await run(twoFasFormat, input))).toEqual([
      {
        type: 'totp',
        issuer: 'Dropbox',
        name: 'carol@example.com',
        secret: SECRET_B32,
        algorithm: 'SHA256',
        digits: 8,
        period: 60,
        counter: 0,
      },
      {
        type: 'totp',
        issuer: 'VPN',
        name: 'vpn-user',
        secret: SECRET2_B32,
        algorithm: 'SHA256',
        digits: 7,
        period: 45,
        counter: 0,
      },
      {
        type: 'hotp',
        issuer: 'Legacy',
        name: 'old',
        secret: SECRET2_B32,
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: 5,
      },
    ]);
  });

  it('decrypts an encrypted backup; no password, wrong password and truncation are each reported', async () => {
    const input = twoFasEncrypted('s3cret!');
    expect(detects(twoFasFormat, input)).toBe(true);
    const result = await run(twoFasFormat, input, { password: 's3cret!' });
    expect(result.format).toBe('2FAS backup (encrypted)');
    expect(result.entries[0]?.draft).toMatchObject({
      issuer: 'GitHub',
      name: 'alice',
      secret: SECRET_B32,
    });
    await expectImportError(run(twoFasFormat, input), 'IMPORT_PASSWORD_REQUIRED');
    const wrong = await expectImportError(
      run(twoFasFormat, input, { password: 'wrong' }),
      'IMPORT_WRONG_PASSWORD',
    );
    expect(wrong.message).not.toContain(SECRET_B32);
    await expectImportError(
      run(twoFasFormat, input.slice(0, 200), { password: 's3cret!' }),
      'IMPORT_TRUNCATED',
    );
  });

  it('does not claim other JSON', () => {
    expect(detects(twoFasFormat, '{"services": []}')).toBe(false);
    expect(detects(twoFasFormat, '[1,2]')).toBe(false);
  });
});
