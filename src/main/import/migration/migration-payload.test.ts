import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../../shared/account';
import { ImportError } from '../import-types';
import { encodeMigrationUri } from './migration-encode';
import { parseMigrationUri } from './migration-payload';
import { MigrationPayloadType } from './migration-schema';
import { errorCodeOf } from '../../testing/errors';

const base: Omit<AccountDraft, 'issuer' | 'name' | 'secret'> = {
  type: 'totp',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
};
const github: AccountDraft = {
  ...base,
  issuer: 'GitHub',
  name: 'octo@example.com',
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
};
const aws: AccountDraft = {
  ...base,
  issuer: 'AWS',
  name: 'root',
  secret: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU',
  algorithm: 'SHA256',
  digits: 8,
};
const bank: AccountDraft = {
  ...base,
  issuer: 'Bank',
  name: 'me',
  secret: 'MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK',
  type: 'hotp',
  counter: 42,
};

describe('Google Authenticator migration payloads', () => {
  it('decodes a single batch with every enum mapped', () => {
    const result = parseMigrationUri(encodeMigrationUri([github, aws, bank]));
    expect(result.format).toBe('Google Authenticator export');
    expect(result.batch).toEqual({ index: 1, size: 1, id: 1 });
    expect(result.entries.map((e) => e.draft)).toEqual([github, aws, bank]);
    expect(result.entries.map((e) => e.label)).toEqual([
      'GitHub (octo@example.com)',
      'AWS (root)',
      'Bank (me)',
    ]);
  });

  it('reports the batch position of a multi-batch export', () => {
    const second = parseMigrationUri(encodeMigrationUri([aws], { size: 3, index: 1, id: 77 }));
    expect(second.batch).toEqual({ index: 2, size: 3, id: 77 });
  });

  it('tolerates "+" that arrived as a space, percent-encoding, and base64url', () => {
    // Find accounts whose base64 contains '+' so the test really exercises the case.
    const uri = encodeMigrationUri([{ ...github, name: 'a>>>?' }]);
    const data = decodeURIComponent(uri.split('data=')[1]!);
    expect(data).toMatch(/[+/]/);
    const expected = parseMigrationUri(uri).entries;
    for (const variant of [
      `otpauth-migration://offline?data=${data.replace(/\+/g, ' ')}`,
      `otpauth-migration://offline?data=${data}`,
      `otpauth-migration://offline?data=${data.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`,
      `  OTPAUTH-MIGRATION://offline?data=${encodeURIComponent(data)}&extra=1 `,
    ]) {
      expect(parseMigrationUri(variant).entries).toEqual(expected);
    }
  });

  it('strips an "Issuer:" prefix Google Authenticator keeps in the name', () => {
    const uri = encodeMigrationUri([{ ...github, name: 'GitHub:octo@example.com' }]);
    expect(parseMigrationUri(uri).entries[0]?.draft).toMatchObject({
      issuer: 'GitHub',
      name: 'octo@example.com',
    });
    const noIssuer = encodeMigrationUri([{ ...github, issuer: '', name: 'Slack:me' }]);
    expect(parseMigrationUri(noIssuer).entries[0]?.draft).toMatchObject({
      issuer: 'Slack',
      name: 'me',
    });
  });

  it('skips entries Tessera cannot represent, one by one, with a reason', () => {
    const message = MigrationPayloadType.fromObject({
      otpParameters: [
        {
          secret: new Uint8Array(20).fill(7),
          name: 'md5',
          issuer: 'Old',
          algorithm: 4,
          digits: 1,
          type: 2,
        },
        { secret: new Uint8Array(0), name: 'empty', issuer: 'X', algorithm: 1, digits: 1, type: 2 },
        {
          secret: new Uint8Array(20).fill(9),
          name: 'ok',
          issuer: 'Fine',
          algorithm: 0,
          digits: 0,
          type: 0,
        },
      ],
      version: 1,
      batchSize: 1,
      batchIndex: 0,
      batchId: 5,
    });
    const data = Buffer.from(MigrationPayloadType.encode(message).finish()).toString('base64');
    const { entries } = parseMigrationUri(
      `otpauth-migration://offline?data=${encodeURIComponent(data)}`,
    );
    expect(entries[0]?.skipReason).toMatch(/MD5/);
    expect(entries[1]?.skipReason).toMatch(/no secret/);
    expect(entries[2]?.draft).toMatchObject({
      issuer: 'Fine',
      name: 'ok',
      type: 'totp',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    });
    expect(entries.every((e) => !JSON.stringify(e.skipReason ?? '').includes('A'.repeat(8)))).toBe(
      true,
    );
  });

  it('refuses garbage with a typed error', () => {
    expect(errorCodeOf(() => parseMigrationUri('otpauth-migration://offline'))).toBe(
      'IMPORT_MALFORMED',
    );
    expect(errorCodeOf(() => parseMigrationUri('otpauth-migration://offline?data='))).toBe(
      'IMPORT_MALFORMED',
    );
    expect(errorCodeOf(() => parseMigrationUri('otpauth-migration://offline?data=%%%'))).toBe(
      'IMPORT_MALFORMED',
    );
    expect(errorCodeOf(() => parseMigrationUri('otpauth-migration://offline?data=!!!!'))).toBe(
      'IMPORT_MALFORMED',
    );
    expect(errorCodeOf(() => parseMigrationUri('otpauth-migration://offline?data=AAAA'))).toBe(
      'IMPORT_MALFORMED',
    );
    expect(
      errorCodeOf(() => parseMigrationUri('otpauth-migration://offline?data=%2F%2F%2F%2F')),
    ).toBe('IMPORT_MALFORMED');
    // A well-formed payload whose only entry is empty: decoded, and that entry skipped with a reason.
    expect(
      parseMigrationUri('otpauth-migration://offline?data=CgA%3D').entries[0]?.skipReason,
    ).toMatch(/no secret/);
  });

  it('never throws anything but an ImportError, whatever the data', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('base64')),
        ),
        (data) => {
          try {
            parseMigrationUri(`otpauth-migration://offline?data=${data}`);
          } catch (error) {
            if (!(error instanceof ImportError)) throw error;
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
