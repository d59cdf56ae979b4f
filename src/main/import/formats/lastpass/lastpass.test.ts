import { describe, expect, it } from 'vitest';
import {
  GITHUB_ALICE,
  SECRET2_B32,
  SECRET_B32,
  detects,
  expectImportError,
  run,
} from '../test-support/run';
import { lastPassJson, lastPassJsonSparse } from './fixtures';
import { lastPassFormat } from './lastpass';

describe('LastPass Authenticator export', () => {
  it('reads accounts field by field and skips an unsupported algorithm', async () => {
    const input = lastPassJson();
    expect(detects(lastPassFormat, input)).toBe(true);
    const result = await run(lastPassFormat, input);
    expect(result.entries[0]?.draft).toEqual(GITHUB_ALICE);
    expect(result.entries[1]?.draft).toMatchObject({
      issuer: 'AWS',
      name: 'ops',
      secret: SECRET2_B32,
      algorithm: 'SHA512',
      digits: 8,
      period: 60,
    });
    expect(result.entries[2]).toMatchObject({
      label: 'Weird (x)',
      skipReason: expect.stringContaining('MD5'),
    });
  });

  it('reads exports with missing, null, string-typed and extra fields', async () => {
    const input = lastPassJsonSparse();
    expect(detects(lastPassFormat, input)).toBe(true);
    const result = await run(lastPassFormat, input);
    expect(result.entries.map((e) => e.draft)).toEqual([
      {
        type: 'totp',
        issuer: 'Slack',
        name: 'erin',
        secret: SECRET_B32,
        algorithm: 'SHA256',
        digits: 6,
        period: 30,
        counter: 0,
      },
      {
        type: 'totp',
        issuer: 'Okta',
        name: 'frank',
        secret: SECRET2_B32,
        algorithm: 'SHA1',
        digits: 6,
        period: 60,
        counter: 0,
      },
    ]);
  });

  it('refuses a newer version and reports truncation', async () => {
    await expectImportError(
      run(lastPassFormat, JSON.stringify({ version: 9, deviceSecret: 'x', accounts: [] })),
      'IMPORT_UNSUPPORTED_VERSION',
    );
    await expectImportError(run(lastPassFormat, lastPassJson().slice(0, 250)), 'IMPORT_TRUNCATED');
    expect(detects(lastPassFormat, '{"accounts": {"1": {}}}')).toBe(false);
  });
});
