import { describe, expect, it } from 'vitest';
import { hex } from '../test-support/crypto';
import {
  GITHUB_ALICE,
  SECRET2_B32,
  SECRET_B32,
  SECRET_BYTES,
  detects,
  expectImportError,
  run,
} from '../test-support/run';
import { authyFormat } from './authy';
import { authyBase, authyEncrypted, authyEncryptedUniqueIv, authyPrefs } from './fixtures';

describe('Authy token store', () => {
  it('reads decrypted third-party tokens with Aegis naming rules', async () => {
    const input = authyPrefs('com.authy.storage.tokens.authenticator.key', [
      { ...authyBase, name: 'alice', originalName: 'GitHub:alice', decryptedSecret: SECRET_B32 },
      { ...authyBase, accountType: 'dropbox', name: 'carol', decryptedSecret: SECRET2_B32 },
    ]);
    expect(detects(authyFormat, input)).toBe(true);
    const { entries } = await run(authyFormat, input);
    expect(entries[0]?.draft).toEqual(GITHUB_ALICE);
    expect(entries[1]?.draft).toMatchObject({ issuer: 'Dropbox', name: 'carol' });
  });

  it("reads Authy's own tokens (hex seed, 7 digits, 10 s)", async () => {
    const input = authyPrefs('com.authy.storage.tokens.authy.key', [
      { name: 'Twitch', digits: 7, secretSeed: hex(SECRET_BYTES), accountType: 'twitch' },
    ]);
    const { entries } = await run(authyFormat, input);
    expect(entries[0]?.draft).toMatchObject({
      issuer: 'Twitch',
      name: '',
      secret: SECRET_B32,
      digits: 7,
      period: 10,
    });
  });

  it('decrypts encrypted secrets with the backup password; refuses a wrong or missing one', async () => {
    const input = authyEncrypted('authy pw');
    const result = await run(authyFormat, input, { password: 'authy pw' });
    expect(result.format).toBe('Authy token store (encrypted)');
    expect(result.entries[0]?.draft).toMatchObject({
      issuer: 'GitHub',
      name: 'alice',
      secret: SECRET_B32,
    });
    expect(result.entries[1]?.draft).toMatchObject({
      issuer: 'Dropbox',
      name: 'carol',
      secret: SECRET2_B32,
      digits: 8,
    });
    await expectImportError(run(authyFormat, input), 'IMPORT_PASSWORD_REQUIRED');
    await expectImportError(
      run(authyFormat, input, { password: 'wrong' }),
      'IMPORT_WRONG_PASSWORD',
    );
  });

  it('decrypts newer tokens that carry their own IV and iteration count', async () => {
    const input = authyEncryptedUniqueIv('backup pw');
    const result = await run(authyFormat, input, { password: 'backup pw' });
    expect(result.entries[0]?.draft).toMatchObject({
      issuer: 'Slack',
      name: 'erin',
      secret: SECRET_B32,
      digits: 6,
      period: 30,
    });
  });
});
