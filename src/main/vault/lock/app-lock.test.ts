import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import { isVaultChannel } from '../../ipc/lock-gate';
import { rpc, rpcError } from '../../testing/errors';
import { openTempApp, type TempApp } from '../../testing/temp-app';

let temp: TempApp | undefined;
afterEach(() => temp?.dispose());

const PASSWORD = 'correct horse battery';
/** Three Argon2id derivations at the real cost and three opens: seconds idle, far more when busy. */
const SLOW = 150_000;

describe('the app locked', () => {
  it(
    'answers every vault call with LOCKED and holds no vault key; the right password unlocks',
    async () => {
      temp = await openTempApp();
      const app = temp.app;
      const account = app.vault.add({
        issuer: 'GitHub',
        name: 'octo',
        secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
      });
      app.recovery.save(account.id, 'abcd-efgh ijkl-mnop');
      await rpc(app, 'lock.setPassword', { password: PASSWORD });
      const keys = app.lock.keys();
      expect(await rpc(app, 'lock.lock', {})).toMatchObject({
        locked: true,
        protection: 'password',
      });

      // The key object every service held is zeroed and refuses to work.
      expect(keys.destroyed).toBe(true);
      expect(() => keys.seal(Buffer.from('x'), 'x')).toThrow(/locked/);
      const vaultChannels = Object.keys(contract).filter(isVaultChannel);
      expect(vaultChannels.length).toBeGreaterThan(10);
      for (const channel of vaultChannels) {
        expect(
          (await rpcError(app, channel, { id: account.id, accountId: account.id })).code,
          channel,
        ).toBe('LOCKED');
      }
      // A restart stays locked: the keychain alone no longer opens the vault.
      const reopened = await temp.reopen();
      expect((await rpcError(reopened, 'vault.list', {})).code).toBe('LOCKED');
      expect((await rpcError(reopened, 'lock.unlock', { password: 'not it at all' })).code).toBe(
        'WRONG_PASSWORD',
      );
      expect(await rpc(reopened, 'lock.unlock', { password: PASSWORD })).toMatchObject({
        locked: false,
      });
      expect(await rpc<unknown[]>(reopened, 'vault.list', {})).toHaveLength(1);
    },
    SLOW,
  );

  it(
    'forgets import previews on lock: their secrets do not wait in memory for the unlock',
    async () => {
      temp = await openTempApp();
      const app = temp.app;
      await rpc(app, 'lock.setPassword', { password: PASSWORD });
      const uri = 'otpauth://totp/GitHub:octo?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
      const preview = await rpc<{ id: string }>(app, 'import.previewTexts', { texts: [uri] });
      await rpc(app, 'lock.lock', {});
      expect((await rpcError(app, 'import.previewTexts', { texts: [uri] })).code).toBe('LOCKED');
      await rpc(app, 'lock.unlock', { password: PASSWORD });
      expect((await rpcError(app, 'import.confirm', { id: preview.id })).code).toBe('NOT_FOUND');
      expect(await rpc<unknown[]>(app, 'vault.list', {})).toHaveLength(0);
    },
    SLOW,
  );
});
