import { describe, expect, it } from 'vitest';
import { GITHUB_ALICE, SECRET2_B32, detects, expectImportError, run } from '../test-support/run';
import { authenticatorPlusFormat } from './authenticator-plus';
import { authenticatorPlusZip } from './fixtures';

describe('Authenticator Plus backup', () => {
  it.each([false, true])(
    'opens the password-protected zip (ZipCrypto: %s) and reads Accounts.txt',
    async (zipCrypto) => {
      const input = await authenticatorPlusZip('plus pw', zipCrypto);
      expect(detects(authenticatorPlusFormat, input)).toBe(true);
      const { entries } = await run(authenticatorPlusFormat, input, { password: 'plus pw' });
      expect(entries[0]?.draft).toEqual(GITHUB_ALICE);
      expect(entries[1]?.draft).toMatchObject({
        type: 'hotp',
        name: 'bob',
        secret: SECRET2_B32,
        counter: 4,
      });
      expect(entries).toHaveLength(2);
    },
  );

  it('reports a missing or wrong password and a truncated archive', async () => {
    const input = await authenticatorPlusZip('plus pw');
    await expectImportError(run(authenticatorPlusFormat, input), 'IMPORT_PASSWORD_REQUIRED');
    await expectImportError(
      run(authenticatorPlusFormat, input, { password: 'nope' }),
      'IMPORT_WRONG_PASSWORD',
    );
    await expectImportError(
      run(authenticatorPlusFormat, input.slice(0, input.length - 30), { password: 'plus pw' }),
      'IMPORT_TRUNCATED',
    );
  });
});
