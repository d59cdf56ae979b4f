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
import {
  totpAuthenticatorBackup,
  totpAuthenticatorPrefs,
  totpAuthenticatorStringEntries,
} from './fixtures';
import { totpAuthenticatorFormat } from './totp-authenticator';

describe('TOTP Authenticator', () => {
  it('decrypts a backup made without a password (built-in password) with hex, base32 and base64 keys', async () => {
    const input = totpAuthenticatorBackup();
    expect(detects(totpAuthenticatorFormat, input)).toBe(true);
    const [github, dropbox, aws] = drafts(await run(totpAuthenticatorFormat, input));
    expect(github).toEqual(GITHUB_ALICE);
    expect(dropbox).toMatchObject({ issuer: 'Dropbox', name: 'bob', secret: SECRET2_B32 });
    expect(aws).toMatchObject({ issuer: 'AWS', secret: SECRET_B32 });
  });

  it('decrypts a password-protected backup and refuses a wrong or missing password', async () => {
    const input = totpAuthenticatorBackup('mine');
    expect(drafts(await run(totpAuthenticatorFormat, input, { password: 'mine' }))).toHaveLength(3);
    await expectImportError(run(totpAuthenticatorFormat, input), 'IMPORT_PASSWORD_REQUIRED');
    await expectImportError(
      run(totpAuthenticatorFormat, input, { password: 'not mine' }),
      'IMPORT_WRONG_PASSWORD',
    );
  });

  it('reads the internal preferences file', async () => {
    const input = totpAuthenticatorPrefs();
    expect(detects(totpAuthenticatorFormat, input)).toBe(true);
    expect(drafts(await run(totpAuthenticatorFormat, input))).toHaveLength(3);
  });

  it('reads entries whose numbers are strings, from the .bin backup and the preferences', async () => {
    const expected = [
      GITHUB_ALICE,
      {
        type: 'totp',
        issuer: 'Dropbox',
        name: 'bob',
        secret: SECRET2_B32,
        algorithm: 'SHA1',
        digits: 8,
        period: 60,
        counter: 0,
      },
    ];
    const entries = totpAuthenticatorStringEntries();
    const backup = totpAuthenticatorBackup('Testtest', entries);
    expect(detects(totpAuthenticatorFormat, backup)).toBe(true);
    expect(drafts(await run(totpAuthenticatorFormat, backup, { password: 'Testtest' }))).toEqual(
      expected,
    );
    const prefs = totpAuthenticatorPrefs(entries);
    expect(detects(totpAuthenticatorFormat, prefs)).toBe(true);
    expect(drafts(await run(totpAuthenticatorFormat, prefs))).toEqual(expected);
  });

  it('reads a backup saved as raw ciphertext when the app is named', async () => {
    const base64 = totpAuthenticatorBackup('Testtest', totpAuthenticatorStringEntries());
    const raw = new Uint8Array(Buffer.from(base64, 'base64'));
    expect(drafts(await run(totpAuthenticatorFormat, raw, { password: 'Testtest' }))).toHaveLength(
      2,
    );
  });
});
