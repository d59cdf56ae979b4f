import { describe, expect, it } from 'vitest';
import {
  SECRET2_B32,
  SECRET_B32,
  detects,
  drafts,
  expectImportError,
  run,
} from '../test-support/run';
import { aegisFormat } from './aegis';
import { aegisContent, aegisEncrypted, aegisPlain } from './fixtures';

describe('Aegis vault', () => {
  it('reads a plain vault (content v3 with groups) field by field and skips what Tessera cannot hold', async () => {
    const input = aegisPlain();
    expect(detects(aegisFormat, input)).toBe(true);
    const result = await run(aegisFormat, input);
    expect(result.format).toBe('Aegis vault');
    const [github, vpn, steam] = drafts({ ...result, entries: result.entries.slice(0, 3) });
    expect(github).toEqual({
      type: 'totp',
      issuer: 'GitHub',
      name: 'alice@example.com',
      secret: SECRET_B32,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
    });
    expect(vpn).toMatchObject({
      type: 'hotp',
      issuer: 'Corp VPN',
      name: 'bob',
      secret: SECRET2_B32,
      algorithm: 'SHA256',
      digits: 8,
      counter: 7,
    });
    expect(steam).toMatchObject({
      type: 'steam',
      issuer: 'Steam',
      name: 'gamer',
      digits: 5,
      algorithm: 'SHA1',
      period: 30,
    });
    expect(result.entries[3]).toEqual({
      label: 'Yandex (ivan)',
      skipReason: expect.stringContaining('Yandex codes are not supported'),
    });
    expect(result.entries[4]?.skipReason).toContain('MD5');
    expect(result.entries[4]?.draft).toBeUndefined();
  });

  it('reads content v2 (group as a string) and v1', async () => {
    const content = aegisContent();
    const v2 = {
      version: 2,
      entries: (content.entries as Record<string, unknown>[])
        .slice(0, 1)
        .map(({ groups: _g, ...e }) => ({ ...e, group: 'Work' })),
    };
    expect(drafts(await run(aegisFormat, aegisPlain(v2)))).toHaveLength(1);
    expect(drafts(await run(aegisFormat, aegisPlain({ ...v2, version: 1 })))).toHaveLength(1);
  });

  it('decrypts an encrypted vault with the password, skipping a biometric slot', async () => {
    const biometric = {
      type: 2,
      uuid: 'x',
      key: '00'.repeat(32),
      key_params: { nonce: '00'.repeat(12), tag: '00'.repeat(16) },
    };
    const input = aegisEncrypted('correct horse', { extraSlots: [biometric] });
    expect(detects(aegisFormat, input)).toBe(true);
    const result = await run(aegisFormat, input, { password: 'correct horse' });
    expect(result.format).toBe('Aegis vault (encrypted)');
    expect(result.entries).toHaveLength(5);
    expect(result.entries[0]?.draft).toMatchObject({ issuer: 'GitHub', secret: SECRET_B32 });
  });

  it('asks for the password, refuses a wrong one, and a tampered or truncated file', async () => {
    const input = aegisEncrypted('pw');
    await expectImportError(run(aegisFormat, input), 'IMPORT_PASSWORD_REQUIRED');
    await expectImportError(run(aegisFormat, input, { password: 'nope' }), 'IMPORT_WRONG_PASSWORD');
    const file = JSON.parse(input) as { db: string };
    // Another first character than the file's (a random one is "A" one time in 64).
    const other = file.db.startsWith('A') ? 'B' : 'A';
    const tampered = JSON.stringify({ ...JSON.parse(input), db: `${other}${file.db.slice(1)}` });
    await expectImportError(run(aegisFormat, tampered, { password: 'pw' }), 'IMPORT_MALFORMED');
    expect(detects(aegisFormat, input.slice(0, input.length - 40))).toBe(true);
    await expectImportError(
      run(aegisFormat, input.slice(0, input.length - 40), { password: 'pw' }),
      'IMPORT_TRUNCATED',
    );
  });

  it('refuses scrypt costs far above what Aegis uses before running them', async () => {
    const file = JSON.parse(aegisEncrypted('pw')) as {
      header: { slots: Record<string, unknown>[] };
    };
    (file.header.slots[0] as Record<string, unknown>).n = 2 ** 24;
    await expectImportError(
      run(aegisFormat, JSON.stringify(file), { password: 'pw' }),
      'IMPORT_UNSAFE_PARAMETERS',
    );
  });

  it('refuses a newer vault version and ignores unrelated JSON', async () => {
    await expectImportError(
      run(aegisFormat, JSON.stringify({ version: 2, header: { slots: null }, db: {} })),
      'IMPORT_UNSUPPORTED_VERSION',
    );
    expect(detects(aegisFormat, '{"services": []}')).toBe(false);
    expect(detects(aegisFormat, new Uint8Array([0xff, 0xfe, 0x00]))).toBe(false);
  });
});
