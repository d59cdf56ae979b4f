import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import QRCode from 'qrcode';
import { encodeMigrationUri } from '../src/main/import/migration/migration-encode';
import { slowAegis } from '../test/api/support/hostile-import';
import { expect, test } from './fixtures/tessera';
import { STRONG_SECRET, expectCurrentTotp, expectedTotp, label, row } from './fixtures/vault-page';

const SECOND_SECRET = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';
const THIRD_SECRET = 'MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK';

const qrPng = (text: string) => QRCode.toBuffer(text, { width: 320, margin: 4 });
const otpauth = (issuer: string, name: string, secret: string) =>
  `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(name)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}`;

/** The few DOM globals the in-page callbacks use (this project compiles e2e without the DOM lib). */
interface PageGlobals {
  DataTransfer: new () => { items: { add(file: unknown): void } };
  File: new (parts: Uint8Array[], name: string, options: { type: string }) => unknown;
  ClipboardEvent: new (
    type: string,
    init: { clipboardData: unknown; bubbles: boolean; cancelable: boolean },
  ) => unknown;
  document: { body: { dispatchEvent(event: unknown): boolean } };
}

/** Builds a File inside the page: the same object a real drop or paste hands the app. */
async function inPageFile(page: Page, name: string, type: string, bytes: Buffer) {
  return page.evaluateHandle(
    ({ name, type, base64 }) => {
      const dom = globalThis as unknown as PageGlobals;
      const binary = atob(base64);
      const data = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
      const transfer = new dom.DataTransfer();
      transfer.items.add(new dom.File([data], name, { type }));
      return transfer;
    },
    { name, type, base64: bytes.toString('base64') },
  );
}

async function dropFile(page: Page, name: string, type: string, bytes: Buffer): Promise<void> {
  const dataTransfer = await inPageFile(page, name, type, bytes);
  await page.dispatchEvent('body', 'dragover', { dataTransfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
}

async function chooseFile(
  page: Page,
  name: string,
  mimeType: string,
  buffer: Buffer,
): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Import accounts' });
  if (!(await dialog.isVisible()))
    await page.getByRole('button', { name: 'Import', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await dialog
    .getByRole('button', { name: /^(Choose a file or image|Add another file or image)/ })
    .first()
    .click();
  await (await chooser).setFiles({ name, mimeType, buffer });
}

async function confirmImport(page: Page, count: number): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Import accounts' });
  await dialog
    .getByRole('button', { name: `Import ${count} account${count === 1 ? '' : 's'}` })
    .click();
  await expect(dialog.getByText(`Imported ${count} account`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
}

test('a QR image dropped on the window: preview, import, and the code matches', async ({
  tessera,
}) => {
  const { page } = tessera;
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await dropFile(
    page,
    'github.png',
    'image/png',
    await qrPng(otpauth('GitHub', 'alice@example.com', STRONG_SECRET)),
  );
  const dialog = page.getByRole('dialog', { name: 'Import accounts' });
  const table = dialog.getByRole('table', { name: 'Accounts found' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('GitHub');
  await expect(table.getByRole('row').nth(1)).toContainText('SHA1');
  await expect(dialog).not.toContainText(STRONG_SECRET.slice(0, 8));
  await expect(row(page, label('GitHub', 'alice@example.com'))).toHaveCount(0); // nothing written yet
  await confirmImport(page, 1);
  await expectCurrentTotp(page, label('GitHub', 'alice@example.com'), () =>
    expectedTotp(STRONG_SECRET),
  );
  // Decoded in the page's worker (only the QR text went to main), with the bundled .wasm: the
  // page never asked anything of another origin, such as zxing-wasm's default CDN.
  const origin = new URL(page.url()).origin;
  expect(requests.some((url) => url.endsWith('/rpc/import.previewTexts'))).toBe(true);
  expect(requests.some((url) => url.endsWith('/rpc/import.previewFile'))).toBe(false);
  expect(
    requests.filter(
      (url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'),
    ),
  ).toEqual([]);
});

test('a QR image chosen with the file picker; the same code again is flagged as a duplicate', async ({
  tessera,
}) => {
  const { page } = tessera;
  const png = await qrPng(otpauth('ACME', 'bob', STRONG_SECRET));
  await chooseFile(page, 'acme.png', 'image/png', png);
  await confirmImport(page, 1);
  await expectCurrentTotp(page, label('ACME', 'bob'), () => expectedTotp(STRONG_SECRET));

  await chooseFile(page, 'acme-again.png', 'image/png', png);
  const dialog = page.getByRole('dialog', { name: 'Import accounts' });
  await expect(dialog.getByRole('row').nth(1)).toContainText(
    'Duplicate: Already in your vault as “ACME (bob)”',
  );
  await expect(dialog.getByRole('checkbox', { name: 'Import ACME (bob)' })).not.toBeChecked();
  await expect(dialog.getByRole('button', { name: 'Import 0 accounts' })).toBeDisabled();
});

test('a file whose entries share a secret: every entry is an account, an exact repeat is ticked and said so', async ({
  tessera,
}) => {
  const { page } = tessera;
  const links = [
    otpauth('ACME', 'one', STRONG_SECRET),
    otpauth('ACME', 'two', STRONG_SECRET),
    `${otpauth('ACME', 'one', STRONG_SECRET)}&algorithm=SHA256`,
    otpauth('ACME', 'one', STRONG_SECRET),
  ];
  await chooseFile(page, 'links.txt', 'text/plain', Buffer.from(links.join('\n')));
  const dialog = page.getByRole('dialog', { name: 'Import accounts' });
  const rows = dialog.getByRole('row');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(4)).toContainText(
    'Repeat within the file: identical in every field to entry 1',
  );
  await expect(rows.nth(4).getByRole('checkbox')).toBeChecked();
  await rows.nth(4).getByRole('checkbox').uncheck();
  await confirmImport(page, 3);
  await expect(row(page, label('ACME', 'two'))).toBeVisible();
});

test('a Google Authenticator export QR with three accounts', async ({ tessera }) => {
  const { page } = tessera;
  const base = { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 } as const;
  const uri = encodeMigrationUri(
    [
      { ...base, issuer: 'Google', name: 'me@gmail.com', secret: STRONG_SECRET },
      {
        ...base,
        issuer: 'Dropbox',
        name: 'me',
        secret: SECOND_SECRET,
        algorithm: 'SHA256',
        digits: 8,
      },
      { ...base, issuer: 'Slack', name: 'work', secret: THIRD_SECRET },
    ],
    { size: 1, index: 0, id: 99 },
  );
  await chooseFile(page, 'ga-export.png', 'image/png', await qrPng(uri));
  const dialog = page.getByRole('dialog', { name: 'Import accounts' });
  await expect(
    dialog.getByText('Google Authenticator export: batch 1 of 1 — complete.'),
  ).toBeVisible();
  await expect(dialog.getByRole('row')).toHaveCount(4);
  await confirmImport(page, 3);
  await expectCurrentTotp(page, label('Dropbox', 'me'), () =>
    expectedTotp(SECOND_SECRET, { algorithm: 'SHA256', digits: 8 }),
  );
  await expect(row(page, label('Google', 'me@gmail.com'))).toBeVisible();
  await expect(row(page, label('Slack', 'work'))).toBeVisible();
});

test('a pasted image is imported', async ({ tessera }) => {
  const { page } = tessera;
  const dataTransfer = await inPageFile(
    page,
    'image.png',
    'image/png',
    await qrPng(otpauth('Pasted', 'carol', THIRD_SECRET)),
  );
  await page.evaluate((clipboardData) => {
    const dom = globalThis as unknown as PageGlobals;
    dom.document.body.dispatchEvent(
      new dom.ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }),
    );
  }, dataTransfer);
  await confirmImport(page, 1);
  await expectCurrentTotp(page, label('Pasted', 'carol'), () => expectedTotp(THIRD_SECRET));
});

test('a QR code that is a web link: the clear message, nothing added', async ({ tessera }) => {
  const { page } = tessera;
  await chooseFile(page, 'link.png', 'image/png', await qrPng('https://example.com/welcome'));
  const dialog = page.getByRole('dialog', { name: 'Import accounts' });
  await expect(dialog.getByRole('alert')).toHaveText(
    'This QR code is a web link, not an authenticator setup code.',
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText('No accounts yet')).toBeVisible();
});

test('export an encrypted backup, delete the accounts, re-import it: all back', async ({
  tessera,
}) => {
  // Three real scrypt derivations (export, wrong password, right password) at the shipped cost.
  test.slow();
  const { page } = tessera;
  await chooseFile(page, 'a.png', 'image/png', await qrPng(otpauth('First', 'one', STRONG_SECRET)));
  await confirmImport(page, 1);
  await chooseFile(
    page,
    'b.png',
    'image/png',
    await qrPng(otpauth('Second', 'two', SECOND_SECRET)),
  );
  await confirmImport(page, 1);

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export accounts' });
  await exportDialog.getByLabel('Backup password').fill('a strong backup password');
  await exportDialog.getByLabel('Repeat password').fill('a strong backup password');
  const downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export backup' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.tessera$/);
  const backup = readFileSync(await download.path());
  expect(backup.toString('utf8')).not.toContain(STRONG_SECRET);

  for (const account of [label('First', 'one'), label('Second', 'two')]) {
    await row(page, account).getByRole('button', { name: 'Delete' }).click();
    await page
      .getByRole('dialog', { name: `Delete ${account}?` })
      .getByRole('button', { name: 'Delete' })
      .click();
    await expect(row(page, account)).toHaveCount(0);
  }

  await chooseFile(page, download.suggestedFilename(), 'application/json', backup);
  const dialog = page.getByRole('dialog', { name: 'Import accounts' });
  await dialog.getByLabel('File password').fill('not the password');
  await dialog.getByRole('button', { name: 'Open' }).click();
  // Each file is read in a fresh worker thread, which takes a moment to start on a busy machine.
  await expect(dialog.getByRole('alert')).toContainText('The password is wrong', {
    timeout: 20_000,
  });
  await dialog.getByLabel('File password').fill('a strong backup password');
  await dialog.getByRole('button', { name: 'Open' }).click();
  await confirmImport(page, 2);
  await expectCurrentTotp(page, label('First', 'one'), () => expectedTotp(STRONG_SECRET));
  await expectCurrentTotp(page, label('Second', 'two'), () => expectedTotp(SECOND_SECRET));
});

test('per-account QR behind a reveal step, and plain links only after the warning', async ({
  tessera,
}) => {
  const { page } = tessera;
  await chooseFile(
    page,
    'a.png',
    'image/png',
    await qrPng(otpauth('Phone', 'move me', STRONG_SECRET)),
  );
  await confirmImport(page, 1);
  const account = label('Phone', 'move me');

  await row(page, account)
    .getByRole('button', { name: `Show QR code for ${account}` })
    .click();
  const qr = page.getByRole('dialog', { name: `QR code for ${account}` });
  await expect(qr.getByRole('img')).toHaveCount(0);
  await expect(qr).not.toContainText(STRONG_SECRET);
  await qr.getByRole('button', { name: 'Reveal QR code' }).click();
  await expect(qr.getByRole('img', { name: `QR code for ${account}` })).toBeVisible();
  await qr.getByText('Show as a link').click();
  await expect(qr.locator('code')).toContainText(`secret=${STRONG_SECRET}`);
  await qr.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export accounts' });
  await exportDialog.getByLabel('Plain otpauth:// links (not encrypted)').check();
  await expect(exportDialog.getByRole('note')).toContainText('every secret in plain text');
  const exportLinks = exportDialog.getByRole('button', { name: 'Export links' });
  await expect(exportLinks).toBeDisabled();
  await exportDialog.getByLabel('I understand that this file is not encrypted').check();
  const downloading = page.waitForEvent('download');
  await exportLinks.click();
  const text = readFileSync(await (await downloading).path(), 'utf8');
  expect(text.trim()).toMatch(
    new RegExp(`^otpauth://totp/Phone:move%20me\\?secret=${STRONG_SECRET}`),
  );
});

test('a file that takes long to read shows progress and can be cancelled from the keyboard', async ({
  tessera,
}) => {
  const { page } = tessera;
  // Seconds of scrypt for a wrong password (a file packed with more slots is refused at once).
  const slow = Buffer.from(slowAegis(), 'base64');
  await chooseFile(page, 'aegis-export.json', 'application/json', slow);
  const dialog = page.getByRole('dialog', { name: 'Import accounts' });
  await dialog.getByLabel('File password').fill('not the password');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toContainText('Reading aegis-export.json');
  await expect(dialog.getByRole('progressbar', { name: 'Reading the file' })).toBeVisible();
  const cancel = dialog.getByRole('button', { name: 'Cancel reading the file' });
  await expect(cancel).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('The import was cancelled');
  await expect(cancel).toBeHidden();
  await expect(dialog.getByLabel('File password')).toBeVisible();
});
