import { describe, expect, it } from 'vitest';
import {
  SECRET2_B32,
  SECRET_B32,
  detects,
  drafts,
  expectImportError,
  run,
} from '../test-support/run';
import { bitwardenCsvFormat, bitwardenJsonFormat } from './bitwarden';
import {
  bitwardenAuthenticatorCsv,
  bitwardenCsv,
  bitwardenJson,
  bitwardenJsonSparse,
} from './fixtures';

describe('Bitwarden exports with missing or extra fields', () => {
  it('reads JSON without `encrypted`, with an unlabelled link and a mistyped name', async () => {
    const input = bitwardenJsonSparse();
    expect(detects(bitwardenJsonFormat, input)).toBe(true);
    expect(drafts(await run(bitwardenJsonFormat, input))).toEqual([
      {
        type: 'totp',
        issuer: 'Fastmail',
        name: '',
        secret: SECRET_B32,
        algorithm: 'SHA1',
        digits: 8,
        period: 30,
        counter: 0,
      },
      {
        type: 'totp',
        issuer: '',
        name: 'gina',
        secret: SECRET2_B32,
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: 0,
      },
    ]);
  });

  it("reads Bitwarden Authenticator's CSV, which has no username column", async () => {
    const input = bitwardenAuthenticatorCsv();
    expect(detects(bitwardenCsvFormat, input)).toBe(true);
    expect(drafts(await run(bitwardenCsvFormat, input))).toEqual([
      {
        type: 'totp',
        issuer: 'Heroku',
        name: 'hank',
        secret: SECRET_B32,
        algorithm: 'SHA1',
        digits: 6,
        period: 45,
        counter: 0,
      },
    ]);
  });
});

describe('Bitwarden JSON export', () => {
  it('reads otpauth links, bare secrets and steam:// secrets; leaves out items without a TOTP', async () => {
    const input = bitwardenJson();
    expect(detects(bitwardenJsonFormat, input)).toBe(true);
    const [github, dropbox, steam, ...rest] = drafts(await run(bitwardenJsonFormat, input));
    expect(rest).toEqual([]);
    expect(github).toEqual({
      type: 'totp',
      issuer: 'GitHub',
      name: 'alice',
      secret: SECRET_B32,
      algorithm: 'SHA256',
      digits: 8,
      period: 60,
      counter: 0,
    });
    expect(dropbox).toMatchObject({
      type: 'totp',
      issuer: 'Dropbox',
      name: 'carol@example.com',
      secret: SECRET2_B32,
      digits: 6,
      period: 30,
    });
    expect(steam).toMatchObject({
      type: 'steam',
      issuer: 'Steam',
      name: 'gamer',
      secret: SECRET2_B32,
      digits: 5,
    });
  });

  it('explains that an encrypted export must be re-exported unencrypted', async () => {
    const encrypted = JSON.stringify({
      encrypted: true,
      passwordProtected: true,
      salt: 'x',
      kdfType: 0,
      kdfIterations: 600000,
      encKeyValidation_DO_NOT_EDIT: 'x',
      data: 'x',
    });
    expect(detects(bitwardenJsonFormat, encrypted)).toBe(true);
    const error = await expectImportError(
      run(bitwardenJsonFormat, encrypted),
      'IMPORT_UNSUPPORTED_VERSION',
    );
    expect(error.message).toContain('.json');
  });

  it('reports a cut-short file as truncated', async () => {
    await expectImportError(
      run(bitwardenJsonFormat, bitwardenJson().slice(0, 300)),
      'IMPORT_TRUNCATED',
    );
  });
});

describe('Bitwarden CSV export', () => {
  it('reads the login_totp column, with quoted commas and line breaks in other columns', async () => {
    const input = bitwardenCsv();
    expect(detects(bitwardenCsvFormat, input)).toBe(true);
    expect(detects(bitwardenJsonFormat, input)).toBe(false);
    const [github, dropbox, steam, ...rest] = drafts(await run(bitwardenCsvFormat, input));
    expect(rest).toEqual([]);
    expect(github).toMatchObject({ issuer: 'GitHub', name: 'alice', secret: SECRET_B32 });
    expect(dropbox).toMatchObject({
      issuer: 'Dropbox',
      name: 'carol@example.com',
      secret: SECRET2_B32,
    });
    expect(steam).toMatchObject({ type: 'steam', name: 'gamer' });
  });

  it('reports an unterminated quote as truncated', async () => {
    await expectImportError(
      run(bitwardenCsvFormat, `${bitwardenCsv()}\n,,login,"Cut`),
      'IMPORT_TRUNCATED',
    );
  });
});
