import { expect, test } from './fixtures/tessera';
import {
  STRONG_SECRET,
  addByForm,
  addByUri,
  code,
  expectCurrentTotp,
  expectedTotp,
  fillAccountForm,
  label,
  openAddDialog,
  row,
} from './fixtures/vault-page';

test('add by form: the shown code equals an independent TOTP computation', async ({ tessera }) => {
  const { page } = tessera;
  await expect(page.getByText('No accounts yet')).toBeVisible();
  await addByForm(page, {
    issuer: 'GitHub',
    name: 'alice@example.com',
    secret: 'jbsw y3dp-ehpk 3pxp jbsw y3dp ehpk 3pxp',
  });
  const github = label('GitHub', 'alice@example.com');
  await expectCurrentTotp(page, github, () => expectedTotp(STRONG_SECRET));
  await expect(row(page, github).getByRole('timer')).toContainText(/\d+ seconds left/);
  await expect(row(page, github).getByText(/^Next/)).toBeVisible();
});

test('add by form with advanced options (SHA256, 8 digits, 60 s)', async ({ tessera }) => {
  const { page } = tessera;
  await addByForm(page, {
    issuer: 'Bank',
    name: 'bob',
    secret: STRONG_SECRET,
    algorithm: 'SHA256',
    digits: '8',
    period: '60',
  });
  await expectCurrentTotp(page, label('Bank', 'bob'), () =>
    expectedTotp(STRONG_SECRET, { algorithm: 'SHA256', digits: 8, period: 60 }),
  );
});

test('add by pasting an otpauth:// link (percent-encoding, issuer parameter)', async ({
  tessera,
}) => {
  const { page } = tessera;
  await addByUri(
    page,
    `otpauth://totp/ACME%20Co:carol%40example.com?secret=${STRONG_SECRET}&issuer=ACME%20Co&algorithm=SHA512&digits=7`,
  );
  const acme = label('ACME Co', 'carol@example.com');
  await expect(row(page, acme)).toBeVisible();
  await expectCurrentTotp(page, acme, () =>
    expectedTotp(STRONG_SECRET, { algorithm: 'SHA512', digits: 7 }),
  );
});

test('an invalid secret shows its field error and adds nothing', async ({ tessera }) => {
  const { page } = tessera;
  const dialog = await openAddDialog(page);
  await fillAccountForm(dialog, { issuer: 'Broken', name: 'dave', secret: 'not base32 at all!' });
  await dialog.getByRole('button', { name: 'Add account' }).click();
  const secret = dialog.getByLabel('Secret');
  await expect(secret).toHaveAttribute('aria-invalid', 'true');
  await expect(secret).toHaveAccessibleDescription(/not valid base32/);
  await expect(secret).toBeFocused();

  await secret.fill('');
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(dialog.getByText('Enter the secret key.')).toBeVisible();

  // A broken link is refused on the link field.
  await dialog.getByLabel('otpauth:// link').fill('otpauth://totp/x?secret=0189');
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(dialog.getByLabel('otpauth:// link')).toHaveAccessibleDescription(/base32/);

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('listitem')).toHaveCount(0);
  await expect(page.getByText('No accounts yet')).toBeVisible();
});

test('a secret shorter than 128 bits is added with a visible warning', async ({ tessera }) => {
  const { page } = tessera;
  const dialog = await openAddDialog(page);
  await fillAccountForm(dialog, { issuer: 'Legacy', name: 'erin', secret: 'JBSWY3DPEHPK3PXP' });
  await expect(dialog.getByText(/shorter than 128 bits/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status')).toContainText('weak');
  const legacy = row(page, label('Legacy', 'erin'));
  await expect(legacy.getByRole('img', { name: /Weak key/ })).toBeVisible();
  await expectCurrentTotp(page, label('Legacy', 'erin'), () => expectedTotp('JBSWY3DPEHPK3PXP'));
});

test('edit the issuer and the account name', async ({ tessera }) => {
  const { page } = tessera;
  await addByForm(page, { issuer: 'Gitlab', name: 'frank', secret: STRONG_SECRET });
  await row(page, label('Gitlab', 'frank')).getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog', { name: /Edit/ });
  await dialog.getByLabel('Issuer').fill('GitLab');
  await dialog.getByLabel('Account name').fill('frank@example.com');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, label('GitLab', 'frank@example.com'))).toBeVisible();
  await expect(row(page, label('Gitlab', 'frank'))).toHaveCount(0);
  await expect(code(page, label('GitLab', 'frank@example.com'))).toHaveText(/^\d{3}\s?\d{3}$/);
});

test('delete asks for confirmation first', async ({ tessera }) => {
  const { page } = tessera;
  await addByForm(page, { issuer: 'Keep', name: 'me', secret: STRONG_SECRET });
  await addByForm(page, { issuer: 'Drop', name: 'me', secret: STRONG_SECRET });

  await row(page, label('Drop', 'me')).getByRole('button', { name: 'Delete' }).click();
  let dialog = page.getByRole('dialog', { name: 'Delete Drop (me)?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(row(page, label('Drop', 'me'))).toBeVisible();

  await row(page, label('Drop', 'me')).getByRole('button', { name: 'Delete' }).click();
  dialog = page.getByRole('dialog', { name: 'Delete Drop (me)?' });
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, label('Drop', 'me'))).toHaveCount(0);
  await expect(row(page, label('Keep', 'me'))).toBeVisible();
});

test('search filters as you type', async ({ tessera }) => {
  const { page } = tessera;
  await addByForm(page, { issuer: 'GitHub', name: 'alice', secret: STRONG_SECRET });
  await addByForm(page, { issuer: 'Google', name: 'alice@gmail.com', secret: STRONG_SECRET });
  await addByForm(page, { issuer: 'Dropbox', name: 'bob', secret: STRONG_SECRET });
  const search = page.getByRole('searchbox', { name: 'Search accounts' });

  await search.fill('g');
  await expect(page.getByRole('listitem')).toHaveCount(2);
  await search.fill('gmail');
  await expect(page.getByRole('listitem')).toHaveCount(1);
  await expect(row(page, label('Google', 'alice@gmail.com'))).toBeVisible();
  await search.fill('nothing here');
  await expect(page.getByText('No accounts match')).toBeVisible();
  await search.fill('');
  await expect(page.getByRole('listitem')).toHaveCount(3);
});

test('accounts are still there after the host process restarts', async ({ tessera }) => {
  await addByForm(tessera.page, { issuer: 'GitHub', name: 'alice', secret: STRONG_SECRET });
  await addByUri(tessera.page, `otpauth://totp/Slack:zoe?secret=${STRONG_SECRET}&issuer=Slack`);
  const page = await tessera.restart();
  await expect(row(page, label('GitHub', 'alice'))).toBeVisible();
  await expect(row(page, label('Slack', 'zoe'))).toBeVisible();
  await expectCurrentTotp(page, label('Slack', 'zoe'), () => expectedTotp(STRONG_SECRET));
});

test('a link pasted into the Secret field is added as a link', async ({ tessera }) => {
  const { page } = tessera;
  const dialog = await openAddDialog(page);
  await dialog
    .getByLabel('Secret')
    .fill(`otpauth://totp/Figma:ivy?secret=${STRONG_SECRET}&issuer=Figma`);
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(dialog).toBeHidden();
  await expectCurrentTotp(page, label('Figma', 'ivy'), () => expectedTotp(STRONG_SECRET));
});
