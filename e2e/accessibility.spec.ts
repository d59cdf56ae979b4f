import { seriousViolations, seriousViolationsLightAndDark } from './fixtures/axe';
import { expect, test } from './fixtures/tessera';
import {
  STRONG_SECRET,
  WEAK_SECRET,
  addByForm,
  fillAccountForm,
  label,
  openAddDialog,
  row,
} from './fixtures/vault-page';

test('axe: the empty vault, then the account list in light and dark', async ({ tessera }) => {
  const { page } = tessera;
  await expect(page.getByText('No accounts yet')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await addByForm(page, { issuer: 'GitHub', name: 'alice@example.com', secret: STRONG_SECRET });
  await addByForm(page, { issuer: 'VPN', name: 'bob', secret: WEAK_SECRET, type: 'HOTP' });
  await expect(row(page, label('GitHub', 'alice@example.com')).getByRole('timer')).toBeVisible();
  expect(await seriousViolationsLightAndDark(page)).toEqual([]);
});

test('axe: the add dialog with field errors and the delete dialog', async ({ tessera }) => {
  const { page } = tessera;
  await addByForm(page, { issuer: 'GitHub', name: 'alice@example.com', secret: STRONG_SECRET });

  // The add dialog with field errors and the weak-secret warning on show.
  const dialog = await openAddDialog(page);
  await fillAccountForm(dialog, { issuer: 'X', name: 'y', secret: WEAK_SECRET, type: 'TOTP' });
  await dialog.getByLabel('Period').fill('');
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(dialog.getByText('Period must be a whole number of seconds.')).toBeVisible();
  expect(await seriousViolations(page, { within: 'dialog' })).toEqual([]);
  await page.keyboard.press('Escape');

  await row(page, label('GitHub', 'alice@example.com'))
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await seriousViolations(page, { within: 'dialog' })).toEqual([]);
});
