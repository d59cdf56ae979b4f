import { expect, test } from './fixtures/tessera';
import {
  STRONG_SECRET,
  addByForm,
  expectCurrentTotp,
  expectedTotp,
  label,
  row,
} from './fixtures/vault-page';

test('keyboard only: add an account, copy its code, edit and delete it', async ({ tessera }) => {
  const { page } = tessera;
  const addButton = page.getByRole('button', { name: 'Add account' });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('searchbox', { name: 'Search accounts' })).toBeFocused();
  // Other toolbar entry points may sit between search and Add account; Tab until we get there.
  for (
    let i = 0;
    i < 6 && !(await addButton.evaluate((el) => el === el.ownerDocument.activeElement));
    i++
  ) {
    await page.keyboard.press('Tab');
  }
  await expect(addButton).toBeFocused();

  // Escape closes the dialog and gives focus back.
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add account' });
  await expect(dialog.getByLabel('Issuer')).toBeFocused();
  // Focus stays in the dialog: Tab wraps from the last control to the first and back.
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Add account' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(addButton).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Issuer')).toBeFocused();
  await page.keyboard.type('GitHub');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Account name')).toBeFocused();
  await page.keyboard.type('alice@example.com');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Secret')).toBeFocused();
  await page.keyboard.type(STRONG_SECRET);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(addButton).toBeFocused();
  const github = label('GitHub', 'alice@example.com');
  await expectCurrentTotp(page, github, () => expectedTotp(STRONG_SECRET));

  // The list is the next Tab stop; Enter on a row copies its code.
  await page.keyboard.press('Tab');
  await expect(row(page, github)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Copied');
  expect(await tessera.readClipboard()).toMatch(/^\d{6}$/);

  // Tab walks the row's buttons: copy, edit, delete.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: `Copy code for ${github}` })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: `Edit ${github}` })).toBeFocused();
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: `Edit ${github}` });
  await expect(edit.getByLabel('Issuer')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('GitHub Work');
  await page.keyboard.press('Enter');
  await expect(edit).toBeHidden();
  const renamed = label('GitHub Work', 'alice@example.com');
  await expect(row(page, renamed)).toBeVisible();

  await row(page, renamed).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: `Delete ${renamed}` })).toBeFocused();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: `Delete ${renamed}?` });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(page.getByText('No accounts yet')).toBeVisible();
});

test('keyboard: arrows move between rows, "/" jumps to search', async ({ tessera }) => {
  const { page } = tessera;
  for (const issuer of ['Alpha', 'Bravo', 'Charlie'])
    await addByForm(page, { issuer, name: 'me', secret: STRONG_SECRET });
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(row(page, label('Alpha', 'me'))).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(row(page, label('Bravo', 'me'))).toBeFocused();
  await page.keyboard.press('End');
  await expect(row(page, label('Charlie', 'me'))).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(row(page, label('Bravo', 'me'))).toBeFocused();
  // One Tab stop for the whole list: Shift+Tab leaves it for the toolbar.
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Add account' })).toBeFocused();
});
