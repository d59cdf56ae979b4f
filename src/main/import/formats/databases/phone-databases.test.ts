import { describe, expect, it } from 'vitest';
import {
  GITHUB_ALICE,
  SECRET2_B32,
  SECRET_B32,
  detects,
  expectImportError,
  run,
} from '../test-support/run';
import {
  authenticatorProDb,
  googleAuthenticatorDb,
  googleAuthenticatorDbWithGeneratedColumn,
  microsoftAuthenticatorDb,
} from './fixtures';
import {
  authenticatorProDbFormat,
  googleAuthenticatorDbFormat,
  microsoftAuthenticatorDbFormat,
} from './phone-databases';

describe('phone databases', () => {
  it('a SQLite file with a generated column is refused', async () => {
    const input = googleAuthenticatorDbWithGeneratedColumn();
    expect(detects(googleAuthenticatorDbFormat, input)).toBe(true);
    const error = await expectImportError(
      run(googleAuthenticatorDbFormat, input),
      'IMPORT_MALFORMED',
    );
    expect(error.message).toMatch(/generated or hidden columns/);
  });

  it('reads a Google Authenticator database (WAL header) field by field', async () => {
    const input = googleAuthenticatorDb();
    expect(detects(googleAuthenticatorDbFormat, input)).toBe(true);
    expect(detects(microsoftAuthenticatorDbFormat, input)).toBe(false);
    const { entries } = await run(googleAuthenticatorDbFormat, input);
    expect(entries[0]?.draft).toEqual(GITHUB_ALICE);
    expect(entries[1]?.draft).toMatchObject({
      type: 'hotp',
      issuer: '',
      name: 'bob@example.com',
      secret: SECRET2_B32,
      counter: 9,
    });
    expect(entries[2]?.skipReason).toBeDefined();
  });

  it('reads a Microsoft Authenticator database: TOTP, personal (base64, 8 digits), push-only skipped', async () => {
    const input = microsoftAuthenticatorDb();
    expect(detects(microsoftAuthenticatorDbFormat, input)).toBe(true);
    expect(detects(googleAuthenticatorDbFormat, input)).toBe(false);
    const { entries } = await run(microsoftAuthenticatorDbFormat, input);
    expect(entries[0]?.draft).toMatchObject({
      issuer: 'GitHub',
      name: 'alice',
      secret: SECRET_B32,
      digits: 6,
    });
    expect(entries[1]?.draft).toMatchObject({
      issuer: 'Microsoft',
      name: 'carol@outlook.com',
      secret: SECRET_B32,
      digits: 8,
    });
    expect(entries[2]).toMatchObject({
      label: 'Contoso (dave@contoso.com)',
      skipReason: expect.stringContaining('push'),
    });
  });

  it('reads a Stratum / Authenticator Pro database', async () => {
    const input = authenticatorProDb();
    expect(detects(authenticatorProDbFormat, input)).toBe(true);
    const { entries } = await run(authenticatorProDbFormat, input);
    expect(entries[0]?.draft).toMatchObject({
      type: 'totp',
      issuer: 'Google',
      name: 'g@gmail.com',
      secret: SECRET_B32,
    });
    expect(entries[1]?.draft).toMatchObject({
      type: 'hotp',
      issuer: 'VPN',
      name: '',
      algorithm: 'SHA512',
      digits: 8,
      counter: 4,
    });
  });

  it('reports a truncated database and a database of another app', async () => {
    const input = googleAuthenticatorDb();
    await expectImportError(
      run(googleAuthenticatorDbFormat, input.slice(0, input.length - 100)),
      'IMPORT_TRUNCATED',
    );
    await expectImportError(
      run(googleAuthenticatorDbFormat, authenticatorProDb()),
      'IMPORT_MALFORMED',
    );
  });
});
