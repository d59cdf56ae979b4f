import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../shared/account';
import type { ImportPreview, ImportSummary } from '../../shared/contract/import';
import { fullHdScreenshot, qrImage, toPng } from '../qr/testing/qr-fixtures';
import { openTempApp, type TempApp } from '../testing/temp-app';
import { encodeMigrationUri } from './migration/migration-encode';
import { rpc as callChannel, rpcError as failingChannel } from '../testing/errors';

let temp: TempApp;
beforeEach(async () => {
  temp = await openTempApp();
});
afterEach(() => temp.dispose());

const base = { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 } as const;
const accounts: AccountDraft[] = [
  { ...base, issuer: 'GitHub', name: 'octo', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' },
  {
    ...base,
    issuer: 'AWS',
    name: 'root',
    secret: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU',
    algorithm: 'SHA512',
    digits: 8,
  },
  {
    ...base,
    issuer: 'Bank',
    name: 'me',
    secret: 'MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK',
    type: 'hotp',
    counter: 9,
  },
];

const rpc = <T>(channel: string, input: unknown) => callChannel<T>(temp.app, channel, input);
const rpcError = (channel: string, input: unknown) => failingChannel(temp.app, channel, input);
const file = (bytes: Uint8Array | string, fileName?: string) => ({
  dataBase64: Buffer.from(bytes).toString('base64'),
  ...(fileName ? { fileName } : {}),
});

describe('the import flow', () => {
  it('previews without secrets, flags duplicates, and writes only on confirm', async () => {
    temp.app.vault.add({ issuer: 'Old', name: 'copy', secret: accounts[0]!.secret });
    const preview = await rpc<ImportPreview>('import.previewTexts', {
      texts: [encodeMigrationUri(accounts)],
    });
    expect(JSON.stringify(preview)).not.toContain(accounts[1]!.secret.slice(0, 16));
    expect(preview.entries.map((e) => [e.label, e.status])).toEqual([
      ['GitHub (octo)', 'duplicate'],
      ['AWS (root)', 'new'],
      ['Bank (me)', 'new'],
    ]);
    expect(preview.entries[0]?.reason).toMatch(/Already in your vault as “Old \(copy\)”/);
    expect(preview.entries[1]).toMatchObject({
      issuer: 'AWS',
      name: 'root',
      type: 'totp',
      algorithm: 'SHA512',
      digits: 8,
      period: 30,
    });
    expect(preview.entries[2]).toMatchObject({ type: 'hotp', counter: 9 });
    expect(temp.app.vault.list()).toHaveLength(1);

    const summary = await rpc<ImportSummary>('import.confirm', { id: preview.id });
    expect(summary.imported).toBe(2);
    expect(summary.skipped).toEqual([
      { label: 'GitHub (octo)', reason: expect.stringMatching(/Already in your vault/) },
    ]);
    expect(temp.app.vault.list().map((a) => a.issuer)).toEqual(['Old', 'AWS', 'Bank']);
    // The pending import is gone once used.
    expect((await rpcError('import.confirm', { id: preview.id })).code).toBe('NOT_FOUND');
  });

  it('merges Google Authenticator batches scanned in any order and reports which are missing', async () => {
    const batch = (i: number) =>
      encodeMigrationUri([accounts[i]!], { size: 3, index: i, id: 4242 });
    const first = await rpc<ImportPreview>('import.previewTexts', { texts: [batch(2)] });
    expect(first.batches).toEqual([{ id: 4242, size: 3, received: [3] }]);
    const more = await rpc<ImportPreview>('import.previewTexts', {
      texts: [batch(0), batch(2)],
      appendTo: first.id,
    });
    expect(more.batches).toEqual([{ id: 4242, size: 3, received: [1, 3] }]);
    expect(more.entries).toHaveLength(2); // batch 3 again adds nothing
    const all = await rpc<ImportPreview>('import.previewTexts', {
      texts: [batch(1)],
      appendTo: first.id,
    });
    expect(all.batches[0]?.received).toEqual([1, 2, 3]);
    await rpc('import.confirm', { id: first.id });
    expect(
      temp.app.vault
        .list()
        .map((a) => a.issuer)
        .sort(),
    ).toEqual(['AWS', 'Bank', 'GitHub']);
  });

  it('imports a full-HD screenshot holding three codes', async () => {
    const uris = accounts.map(
      (a) =>
        `otpauth://${a.type}/${a.issuer}:${a.name}?secret=${a.secret}&issuer=${a.issuer}&algorithm=${a.algorithm}&digits=${a.digits}&counter=${a.counter}`,
    );
    const preview = await rpc<ImportPreview>(
      'import.previewFile',
      file(toPng(fullHdScreenshot(uris)), 'screen.png'),
    );
    expect(preview.entries.filter((e) => e.status === 'new')).toHaveLength(3);
    await rpc('import.confirm', { id: preview.id });
    expect(temp.app.vault.list()).toHaveLength(3);
  });

  it('reads a text file of otpauth links, skipping bad lines with a reason', async () => {
    const text = `# my accounts\notpauth://totp/A:a?secret=JBSWY3DPEHPK3PXP\n\notpauth://totp/B:b?secret=not-base32!\n`;
    const preview = await rpc<ImportPreview>('import.previewFile', file(text, 'links.txt'));
    expect(preview.entries.map((e) => e.status)).toEqual(['new', 'skipped']);
    expect(preview.entries[1]?.reason).toMatch(/base32/);
  });

  it.each([
    [
      'a text file named like an image',
      () => file('hello, this is not a picture\n', 'photo.png'),
      'IMPORT_NOT_AN_IMAGE',
      /named like an image/,
    ],
    [
      'an unknown file',
      () => file('hello\n', 'notes.txt'),
      'IMPORT_UNRECOGNIZED',
      /does not recognise/,
    ],
    [
      'a truncated image',
      () =>
        file(
          toPng(qrImage('otpauth://totp/A?secret=JBSWY3DPEHPK3PXP', { size: 300 })).subarray(
            0,
            300,
          ),
          'qr.png',
        ),
      'IMPORT_TRUNCATED',
      /damaged or incomplete/,
    ],
    [
      'an image with no QR code',
      () => file(toPng(qrImage('x', { size: 100, dark: 255 })), 'blank.png'),
      'IMPORT_NO_QR_CODE',
      /No QR code/,
    ],
    [
      'a QR that is a web link',
      () => file(toPng(qrImage('https://example.com/login', { size: 300 })), 'link.png'),
      'IMPORT_NOT_OTP_QR',
      /this QR code is a web link, not an authenticator setup code/i,
    ],
  ])(
    'refuses %s with a specific error and imports nothing',
    async (_name, input, code, message) => {
      const error = await rpcError('import.previewFile', input());
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      expect(temp.app.vault.list()).toHaveLength(0);
    },
  );

  it('is all-or-nothing: a failure in the middle of the write leaves the vault unchanged', async () => {
    temp.app.db.exec(
      "CREATE TRIGGER boom BEFORE INSERT ON vault_accounts WHEN NEW.issuer = 'Bank' BEGIN SELECT RAISE(ABORT, 'boom'); END",
    );
    const preview = await rpc<ImportPreview>('import.previewTexts', {
      texts: [encodeMigrationUri(accounts)],
    });
    expect((await rpcError('import.confirm', { id: preview.id })).code).toBe('INTERNAL');
    expect(temp.app.vault.list()).toHaveLength(0);
  });

  it('lets the person leave entries out and include duplicates', async () => {
    temp.app.vault.add({ issuer: 'Old', name: 'copy', secret: accounts[0]!.secret });
    const preview = await rpc<ImportPreview>('import.previewTexts', {
      texts: [encodeMigrationUri(accounts)],
    });
    const summary = await rpc<ImportSummary>('import.confirm', {
      id: preview.id,
      exclude: [1],
      includeDuplicates: true,
    });
    expect(summary).toMatchObject({
      imported: 2,
      skipped: [{ label: 'AWS (root)', reason: 'You left it out.' }],
    });
  });
});
