import { describe, expect, it } from 'vitest';
import { GITHUB_ALICE, SECRET2_B32, detects, expectImportError, run } from '../test-support/run';
import { readSerializedStringMap, writeSerializedStringMap } from '../shared/java-serialization';
import type { ImportParseResult } from '../../import-types';
import { freeOtpBackupFormat } from './freeotp-backup';
import { freeOtpPlusFormat } from './freeotp-plus';
import { freeOtpXmlFormat } from './freeotp-xml';
import { freeOtpBackup, freeOtpPlusJson, freeOtpTokens, freeOtpTokensXml } from './fixtures';

function expectTokens(result: ImportParseResult): void {
  const [github, vpn, steam, md5] = result.entries;
  expect(github?.draft).toEqual(GITHUB_ALICE);
  expect(vpn?.draft).toMatchObject({
    type: 'hotp',
    issuer: 'VPN',
    name: 'bob "the admin"',
    secret: SECRET2_B32,
    algorithm: 'SHA256',
    digits: 8,
    counter: 17,
  });
  expect(steam?.draft).toMatchObject({ type: 'steam', issuer: 'Steam', name: 'gamer', digits: 5 });
  expect(md5?.skipReason).toContain('MD5');
}

describe('FreeOTP and FreeOTP+', () => {
  it('reads tokens.xml (FreeOTP 1.x and FreeOTP+ internal) with signed byte secrets', async () => {
    const input = freeOtpTokensXml();
    expect(detects(freeOtpXmlFormat, input)).toBe(true);
    expectTokens(await run(freeOtpXmlFormat, input));
  });

  it('reads a large tokens.xml full of escaped quotes', async () => {
    const many = Array.from({ length: 300 }, (_, i) => ({
      ...freeOtpTokens()[0],
      label: `user${i}`,
    }));
    const { entries } = await run(freeOtpXmlFormat, freeOtpTokensXml(many));
    expect(entries.filter((e) => e.draft)).toHaveLength(300);
  });

  it('reads the FreeOTP+ JSON export', async () => {
    const input = freeOtpPlusJson();
    expect(detects(freeOtpPlusFormat, input)).toBe(true);
    expectTokens(await run(freeOtpPlusFormat, input));
  });

  it('decrypts a FreeOTP 2 backup (Java-serialised map, PBKDF2 + AES-GCM master key)', async () => {
    const input = freeOtpBackup('free pw');
    expect(detects(freeOtpBackupFormat, input)).toBe(true);
    const result = await run(freeOtpBackupFormat, input, { password: 'free pw' });
    expect(result.format).toBe('FreeOTP backup (encrypted)');
    expectTokens(result);
  });

  it('reports a missing or wrong password, truncation and hostile iteration counts', async () => {
    const input = freeOtpBackup('free pw');
    await expectImportError(run(freeOtpBackupFormat, input), 'IMPORT_PASSWORD_REQUIRED');
    await expectImportError(
      run(freeOtpBackupFormat, input, { password: 'bad' }),
      'IMPORT_WRONG_PASSWORD',
    );
    await expectImportError(
      run(freeOtpBackupFormat, input.slice(0, input.length - 50), { password: 'free pw' }),
      'IMPORT_TRUNCATED',
    );
    const map = readSerializedStringMap(input);
    map.set(
      'masterKey',
      JSON.stringify({ ...JSON.parse(map.get('masterKey') ?? '{}'), mIterations: 50_000_000 }),
    );
    await expectImportError(
      run(freeOtpBackupFormat, writeSerializedStringMap(map), { password: 'free pw' }),
      'IMPORT_UNSAFE_PARAMETERS',
    );
  });
});
