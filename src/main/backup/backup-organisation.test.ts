import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountView } from '../../shared/account';
import type { ImportPreview, ImportSummary } from '../../shared/contract/import';
import { rpc } from '../testing/errors';
import { openTempApp, type TempApp } from '../testing/temp-app';
import type { App } from '../app';
import { backupAccounts } from './backup-accounts';
import { encryptPayload } from './backup-crypto';
import { exportEncryptedBackup } from './backup-export';

const PASSWORD = 'correct horse battery staple';
const FAST = { N: 2 ** 12, r: 8, p: 1 };
const SECRETS = [
  'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU',
  'MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK',
];

let source: TempApp;
let target: TempApp;
beforeEach(async () => {
  source = await openTempApp();
  target = await openTempApp();
});
afterEach(() => {
  source.dispose();
  target.dispose();
});

async function restore(app: App, bytes: Buffer): Promise<ImportSummary> {
  const preview = await rpc<ImportPreview>(app, 'import.previewFile', {
    dataBase64: bytes.toString('base64'),
    password: PASSWORD,
  });
  return rpc<ImportSummary>(app, 'import.confirm', { id: preview.id });
}

const organisation = (views: AccountView[]) =>
  views.map(({ issuer, favourite, tags, note, lastUsedAt, customIcon }) => ({
    issuer,
    favourite,
    tags,
    note,
    lastUsedAt,
    customIcon,
  }));

describe('backup with organisation', () => {
  it('round-trips tags, notes, favourites, order, last use, custom icons and recovery codes', async () => {
    const app = source.app;
    const [a, b, c] = ['GitHub', 'Google', 'Bank'].map((issuer, i) =>
      app.vault.add({ issuer, name: 'me', secret: SECRETS[i]! }),
    );
    app.vault.update(a!.id, 'GitHub', 'me', { note: 'Work laptop only', tags: ['Work', 'Dev'] });
    app.organisation.setFavourite(c!.id, true);
    app.organisation.move(b!.id, a!.id, 'before');
    app.organisation.markUsed(a!.id);
    app.recovery.save(a!.id, 'abcd-efgh ijkl-mnop');
    const icon = await sharp({
      create: { width: 8, height: 8, channels: 3, background: '#123456' },
    })
      .png()
      .toBuffer();
    await app.organisation.setIcon(b!.id, icon.toString('base64'));
    const before = app.vault.list();
    expect(before.map((v) => v.issuer)).toEqual(['Bank', 'Google', 'GitHub']);

    const bytes = await exportEncryptedBackup(
      backupAccounts(app.accounts, app.recoveryCodes, app.organisationRepository),
      { password: PASSWORD, now: new Date(), appVersion: 'test', scrypt: FAST },
    );
    expect(await restore(target.app, bytes)).toMatchObject({ imported: 3, skipped: [] });
    const restored = (await target.reopen()).vault.list();
    expect(organisation(restored)).toEqual(organisation(before));
    expect(restored.find((v) => v.issuer === 'Google')?.customIcon).toMatch(/^data:image\/png/);
    // One payload version carries both the organisation and the recovery codes.
    const github = restored.find((v) => v.issuer === 'GitHub')!;
    expect(target.app.recovery.summary(github.id).total).toBe(2);
  });

  it('still restores a version 1 backup (no organisation) as accounts without any', async () => {
    const payload = {
      version: 1,
      exportedAt: new Date().toISOString(),
      accounts: ['B', 'A'].map((issuer, position) => ({
        issuer,
        name: 'me',
        type: 'totp',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: 0,
        secret: SECRETS[position]!,
        position,
      })),
    };
    const envelope = await encryptPayload(
      Buffer.from(JSON.stringify(payload)),
      PASSWORD,
      new Date(),
      FAST,
    );
    expect(await restore(target.app, Buffer.from(JSON.stringify(envelope)))).toMatchObject({
      imported: 2,
    });
    expect(organisation(target.app.vault.list())).toEqual(
      ['B', 'A'].map((issuer) => ({
        issuer,
        favourite: false,
        tags: [],
        note: '',
        lastUsedAt: null,
        customIcon: null,
      })),
    );
  });
});
