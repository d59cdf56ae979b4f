import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportSummary } from '../../../shared/contract/import';
import type { RecoverySummary } from '../../../shared/contract/recovery';
import { backupAccounts } from '../../backup/backup-accounts';
import { encryptPayload } from '../../backup/backup-crypto';
import { exportEncryptedBackup } from '../../backup/backup-export';
import { openTempApp, type TempApp } from '../../testing/temp-app';
import { rpc, rpcError } from '../../testing/errors';

const FAST = { N: 2 ** 12, r: 8, p: 1 };
const PASSWORD = 'correct horse battery staple';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const PASTED = '1. abcd-efgh\n2. ijkl-mnop\n3. qrst-uvwx\n4. yzab-cdef';

let temp: TempApp;
beforeEach(async () => {
  temp = await openTempApp();
});
afterEach(() => temp.dispose());

const addAccount = (issuer = 'GitHub') =>
  temp.app.vault.add({ issuer, name: 'octo', secret: SECRET }).id;

async function restore(bytes: Buffer): Promise<ImportSummary> {
  const preview = await rpc<ImportPreview>(temp.app, 'import.previewFile', {
    dataBase64: bytes.toString('base64'),
    password: PASSWORD,
  });
  return rpc<ImportSummary>(temp.app, 'import.confirm', { id: preview.id });
}

describe('recovery codes per account', () => {
  it('are sealed at rest and shown only by a reveal', async () => {
    const accountId = addAccount();
    const saved = await rpc<RecoverySummary>(temp.app, 'recovery.save', {
      accountId,
      text: PASTED,
    });
    expect(saved).toMatchObject({ total: 4, left: 4 });
    expect(JSON.stringify(saved)).not.toContain('abcd');
    const raw = temp.app.db
      .prepare<[], string>('SELECT sealed || lookup FROM vault_recovery_codes')
      .pluck();
    for (const row of raw.all()) expect(row).not.toMatch(/abcd|efgh|ijkl/i);
    const revealed = await rpc<{ codes: { code: string }[] }>(temp.app, 'recovery.reveal', {
      accountId,
    });
    expect(revealed.codes.map((c) => c.code)).toEqual([
      'abcd-efgh',
      'ijkl-mnop',
      'qrst-uvwx',
      'yzab-cdef',
    ]);
  });

  it('mark-used is durable, happens once, and the count goes down', async () => {
    const accountId = addAccount();
    const saved = temp.app.recovery.save(accountId, PASTED);
    const first = saved.codes[0]!.id;
    const after = temp.app.recovery.markUsed(first);
    expect(after).toMatchObject({ total: 4, left: 3 });
    expect((await rpcError(temp.app, 'recovery.markUsed', { id: first })).code).toBe(
      'ALREADY_USED',
    );
    const reopened = await temp.reopen();
    const summary = reopened.recovery.summary(accountId);
    expect(summary.left).toBe(3);
    expect(summary.codes[0]!.usedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(summary.codes.slice(1).every((c) => c.usedAt === null)).toBe(true);
  });

  it('a search tells which account a code belongs to, whatever its spelling', async () => {
    addAccount('Other');
    const accountId = addAccount();
    temp.app.recovery.save(accountId, PASTED);
    const found = await rpc<{ match: { accountId: string } | null }>(temp.app, 'recovery.find', {
      code: ' IJKLMNOP ',
    });
    expect(found.match?.accountId).toBe(accountId);
    expect(temp.app.recovery.find('zzzz-zzzz').match).toBeNull();
  });

  it('refuses a paste that is not codes, or repeats one, and keeps the old codes', async () => {
    const accountId = addAccount();
    temp.app.recovery.save(accountId, PASTED);
    expect(
      (await rpcError(temp.app, 'recovery.save', { accountId, text: 'ok-code\nbad!' })).code,
    ).toBe('VALIDATION_FAILED');
    expect(
      (await rpcError(temp.app, 'recovery.save', { accountId, text: 'abcd-efgh ABCDEFGH' }))
        .message,
    ).toMatch(/Codes 1 and 2 are the same/);
    expect(
      (await rpcError(temp.app, 'recovery.save', { accountId: 'nope', text: PASTED })).code,
    ).toBe('NOT_FOUND');
    expect(temp.app.recovery.summary(accountId).total).toBe(4);
  });

  it('go into the encrypted backup and come back on re-import, used ones still used', async () => {
    const accountId = addAccount();
    const saved = temp.app.recovery.save(accountId, PASTED);
    temp.app.recovery.markUsed(saved.codes[1]!.id);
    const bytes = await exportEncryptedBackup(
      backupAccounts(temp.app.accounts, temp.app.recoveryCodes, temp.app.organisationRepository),
      {
        password: PASSWORD,
        now: new Date(),
        appVersion: 'test',
        scrypt: FAST,
      },
    );
    expect(bytes.toString('utf8')).not.toContain('abcd');
    temp.app.vault.delete(accountId);
    expect(await restore(bytes)).toMatchObject({ imported: 1 });
    const restored = temp.app.vault.list()[0]!.id;
    const codes = temp.app.recovery.reveal(restored).codes;
    expect(codes.map((c) => c.code)).toEqual(['abcd-efgh', 'ijkl-mnop', 'qrst-uvwx', 'yzab-cdef']);
    expect(codes.map((c) => c.usedAt !== null)).toEqual([false, true, false, false]);
  });

  it('a backup of payload version 1 (before recovery codes) still imports', async () => {
    const payload = {
      version: 1,
      exportedAt: new Date().toISOString(),
      accounts: [
        {
          issuer: 'Old',
          name: 'o',
          type: 'totp',
          algorithm: 'SHA1',
          digits: 6,
          period: 30,
          counter: 0,
          secret: SECRET,
          position: 0,
        },
      ],
    };
    const envelope = await encryptPayload(
      Buffer.from(JSON.stringify(payload)),
      PASSWORD,
      new Date(),
      FAST,
    );
    expect(await restore(Buffer.from(JSON.stringify(envelope)))).toMatchObject({ imported: 1 });
    expect(temp.app.recovery.summary(temp.app.vault.list()[0]!.id).total).toBe(0);
  });
});
