import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { seriousViolations } from './fixtures/axe';
import { expect, test } from './fixtures/tessera';
import { STRONG_SECRET, addByForm, label, row } from './fixtures/vault-page';

// Each Argon2id unlock takes about a second on a busy 2-core machine; axe runs once per screen.
test.describe.configure({ timeout: 240_000 });

const PASSWORD = 'correct horse battery';
const CODES = ['abcd-efgh', 'ijkl-mnop', 'qrst-uvwx'];

async function setMasterPassword(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Security' }).click();
  const dialog = page.getByRole('dialog', { name: 'Security' });
  await dialog.getByLabel('New master password', { exact: true }).fill(PASSWORD);
  await dialog.getByLabel('Repeat the new master password').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Set password' }).click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Lock' })).toBeVisible();
}

function lockScreen(page: Page) {
  return page.getByRole('main', { name: 'Tessera is locked' });
}

test('master password: reload shows the lock screen, a wrong password is refused, the right one unlocks', async ({
  tessera,
}) => {
  const { page } = tessera;
  await addByForm(page, { issuer: 'GitHub', name: 'octo', secret: STRONG_SECRET });
  await setMasterPassword(page);

  await page.reload();
  const screen = lockScreen(page);
  await expect(screen).toBeVisible();
  const field = screen.getByLabel('Master password');
  await expect(field).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);

  await field.fill('not the password');
  await screen.getByRole('button', { name: 'Unlock' }).click();
  await expect(screen.getByRole('alert')).toHaveText(/not the master password/, {
    timeout: 15_000,
  });
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  await field.fill(PASSWORD);
  await screen.getByRole('button', { name: 'Unlock' }).click();
  await expect(row(page, label('GitHub', 'octo'))).toBeVisible({ timeout: 15_000 });

  // The Lock button locks at once.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(lockScreen(page)).toBeVisible();
  await expect(row(page, label('GitHub', 'octo'))).toHaveCount(0);
});

test('auto-lock after the idle time set in the settings', async ({ tessera }) => {
  const { page } = tessera;
  await setMasterPassword(page);
  await page.getByRole('button', { name: 'Security' }).click();
  const dialog = page.getByRole('dialog', { name: 'Security' });
  expect(await seriousViolations(page, { within: 'dialog' })).toEqual([]);
  await dialog.getByLabel(/idle seconds/).fill('2');
  await dialog.getByRole('button', { name: 'Save auto-lock' }).click();
  await expect(page.getByText('Tessera locks after 2 idle seconds.')).toBeVisible();
  // Two idle seconds, then the check half a second later; allow for a slow machine.
  await expect(lockScreen(page)).toBeVisible({ timeout: 20_000 });
});

test('recovery codes: paste, mark one used, count and warning; nothing in clear on disk', async ({
  tessera,
}) => {
  const { page } = tessera;
  await addByForm(page, { issuer: 'GitHub', name: 'octo', secret: STRONG_SECRET });
  await row(page, label('GitHub', 'octo'))
    .getByRole('button', { name: 'Recovery codes for GitHub (octo)' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Recovery codes for GitHub (octo)' });
  await dialog
    .getByLabel('Paste recovery codes')
    .fill(CODES.map((c, i) => `${i + 1}. ${c}`).join('\n'));
  await dialog.getByRole('button', { name: 'Save codes' }).click();
  await expect(dialog.getByText('3 of 3 codes left')).toBeVisible();
  // Hidden until revealed.
  await expect(dialog.getByText(CODES[0]!)).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Reveal codes' }).click();
  await expect(dialog.getByText(CODES[0]!)).toBeVisible();

  await dialog.getByRole('button', { name: 'Mark used (code 1)' }).click();
  await expect(dialog.getByText('2 of 3 codes left')).toBeVisible();
  await expect(dialog.getByText(/Only 2 left/)).toBeVisible();
  await expect(dialog.getByText(/^Used /)).toHaveCount(1);
  expect(await seriousViolations(page, { within: 'dialog' })).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The search tells whose code it is.
  await page.getByRole('button', { name: 'Find recovery code' }).click();
  const finder = page.getByRole('dialog', { name: 'Find a recovery code' });
  await finder.getByLabel('Recovery code').fill('QRSTUVWX');
  await finder.getByRole('button', { name: 'Find' }).click();
  await expect(finder.getByRole('status')).toHaveText(/belongs to GitHub \(octo\), not used yet/);
  await finder.getByRole('button', { name: 'Close' }).click();

  // Survives a restart, and the file and its WAL never hold a code or the secret in clear.
  const restarted = await tessera.restart();
  await row(restarted, label('GitHub', 'octo'))
    .getByRole('button', { name: 'Recovery codes for GitHub (octo)' })
    .click();
  await expect(restarted.getByText('2 of 3 codes left')).toBeVisible();
  const files = ['tessera.db', 'tessera.db-wal']
    .map((f) => join(tessera.dataDir, f))
    .filter(existsSync);
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const needle of [...CODES, ...CODES.map((c) => c.replace('-', '')), STRONG_SECRET]) {
      expect(bytes.includes(Buffer.from(needle))).toBe(false);
    }
  }
});
