import { seriousViolations } from './fixtures/axe';
import { aegisEncrypted } from '../src/main/import/formats/aegis/fixtures';
import { andOtpOldEncrypted } from '../src/main/import/formats/and-otp/fixtures';
import { SECRET_B32 } from '../src/main/import/formats/test-support/secrets';
import { twoFasEncrypted } from '../src/main/import/formats/two-fas/fixtures';
import { expect, test } from './fixtures/tessera';
import { expectCurrentTotp, expectedTotp, label, row } from './fixtures/vault-page';

/** Other apps' exports through the real import dialog: password step, preview, confirm. */

async function chooseFile(
  page: import('@playwright/test').Page,
  name: string,
  text: string,
): Promise<void> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import accounts' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: /^Choose a file or image/ }).click();
  await (
    await chooser
  ).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
}

test('an encrypted Aegis vault with its password: preview with skip reasons, then import', async ({
  tessera,
}) => {
  const { page } = tessera;
  await chooseFile(page, 'aegis-backup.json', aegisEncrypted('aegis vault password'));
  const dialog = page.getByRole('dialog', { name: 'Import accounts' });
  await dialog.getByLabel('File password').fill('aegis vault password');
  await dialog.getByRole('button', { name: 'Open' }).click();
  const table = dialog.getByRole('table', { name: 'Accounts found' });
  await expect(table).toContainText('GitHub');
  await expect(table).toContainText('Yandex codes are not supported');
  await expect(table).toContainText('MD5');
  await expect(dialog).not.toContainText(SECRET_B32.slice(0, 8));
  await expect(row(page, label('GitHub', 'alice@example.com'))).toHaveCount(0); // nothing written before confirming
  await dialog.getByRole('button', { name: 'Import 3 accounts' }).click();
  await expect(dialog.getByText('Imported 3 account')).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expectCurrentTotp(page, label('GitHub', 'alice@example.com'), () =>
    expectedTotp(SECRET_B32),
  );
  await expect(row(page, label('Corp VPN', 'bob'))).toBeVisible();
  await expect(row(page, label('Steam', 'gamer'))).toBeVisible();
});

test('a 2FAS backup with a wrong password: the clear message, nothing added', async ({
  tessera,
}) => {
  const { page } = tessera;
  await chooseFile(page, 'backup.2fas', twoFasEncrypted('the real password'));
  const dialog = page.getByRole('dialog', { name: 'Import accounts' });
  await dialog.getByLabel('File password').fill('not the password');
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    'The password is wrong for this 2FAS backup',
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText('No accounts yet')).toBeVisible();
});

test('Import from… Aegis: filter the apps by keyboard, read its export steps, choose the encrypted file, import', async ({
  tessera,
}) => {
  const { page } = tessera;
  await page.getByRole('button', { name: 'Import from…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import accounts' });
  const filter = dialog.getByRole('searchbox', { name: 'Find the app you are leaving' });
  await expect(filter).toBeFocused();
  await filter.fill('aeg');
  const apps = dialog.getByRole('list', { name: 'Supported apps' });
  await expect(apps.getByRole('button')).toHaveText(['Aegis Authenticator']);
  // Keyboard only: ArrowDown to the match, Enter opens its guide with focus on the guide's title.
  await filter.press('ArrowDown');
  await page.keyboard.press('Enter');
  const guide = dialog.getByRole('region', { name: 'Import from Aegis Authenticator' });
  await expect(
    guide.getByRole('heading', { name: 'Import from Aegis Authenticator' }),
  ).toBeFocused();
  await expect(guide).toContainText('Settings → Import & Export → Export');
  await expect(guide).toContainText('may be protected by a password');
  expect(await seriousViolations(page, { within: 'dialog' })).toEqual([]);

  const chooser = page.waitForEvent('filechooser');
  await guide.getByRole('button', { name: 'Choose file…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'aegis-backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(aegisEncrypted('aegis vault password'), 'utf8'),
  });
  // The prompt names the app that was picked; the importer's message names the format it detected.
  await expect(dialog).toContainText('exporting it from Aegis Authenticator');
  await expect(dialog.getByRole('alert')).toContainText('Aegis');
  await dialog.getByLabel('File password').fill('aegis vault password');
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog.getByRole('table', { name: 'Accounts found' })).toContainText('GitHub');
  await dialog.getByRole('button', { name: 'Import 3 accounts' }).click();
  await expect(dialog.getByText('Imported 3 account')).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(row(page, label('GitHub', 'alice@example.com'))).toBeVisible();
});

test('Import from… andOTP: an old encrypted backup, which has no header, opens with its password', async ({
  tessera,
}) => {
  const { page } = tessera;
  await page.getByRole('button', { name: 'Import from…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import accounts' });
  await dialog.getByRole('searchbox', { name: 'Find the app you are leaving' }).fill('andotp');
  await dialog.getByRole('list', { name: 'Supported apps' }).getByRole('button').first().click();
  const guide = dialog.getByRole('region', { name: 'Import from andOTP' });
  let file = andOtpOldEncrypted('old andotp password');
  // A nonce that happens to read as the new layout's iteration count is still the old layout.
  const head = () => new DataView(file.buffer, file.byteOffset, 4).getUint32(0);
  while (head() >= 1_000 && head() <= 10_000_000) file = andOtpOldEncrypted('old andotp password');
  const chooser = page.waitForEvent('filechooser');
  await guide.getByRole('button', { name: 'Choose file…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'otp_accounts.json.aes',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(file),
  });
  await dialog.getByLabel('File password').fill('old andotp password');
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog.getByRole('table', { name: 'Accounts found' })).toContainText('GitHub');
  await dialog.getByRole('button', { name: 'Import 4 accounts' }).click();
  await expect(dialog.getByText('Imported 4 account')).toBeVisible();
});
