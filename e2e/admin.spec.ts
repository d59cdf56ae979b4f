import { Secret, TOTP } from 'otpauth';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/tessera';

test.use({ withApi: true });

/** A client of the real loopback API, as a local app would call it. */
function apiClient(baseUrl: string, key: string) {
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
}

const consoleNav = (page: Page) => page.getByRole('navigation', { name: 'MFA server' });
const openSection = (page: Page, name: string) =>
  consoleNav(page).getByRole('button', { name, exact: true }).click();
const userRow = (page: Page, userId: string) =>
  page.getByRole('table').getByRole('row').filter({ hasText: userId });

test('admin console: a client, its key in the API, unlock, new backup codes, reset, audit, revoke', async ({
  tessera,
}) => {
  test.skip(!tessera.apiUrl, 'needs the API beside browser mode');
  const { page } = tessera;
  const api = (key: string) => apiClient(tessera.apiUrl!, key);

  await page
    .getByRole('navigation', { name: 'Tessera' })
    .getByRole('button', { name: 'MFA server' })
    .click();
  await expect(page.getByRole('button', { name: 'MFA server' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByText('No users yet')).toBeVisible();

  // Create a client: the key is shown once, and Copy puts exactly it on the clipboard.
  await openSection(page, 'API clients');
  await page.getByRole('button', { name: 'Create client' }).click();
  const create = page.getByRole('dialog', { name: 'Create API client' });
  await create.getByLabel('Name').fill('intranet');
  await create.getByLabel('Scope').selectOption('client');
  await create.getByRole('button', { name: 'Create client' }).click();
  const shown = page.getByRole('dialog', { name: 'API key for intranet' });
  await expect(shown).toContainText('will not be shown again');
  const key = (
    await shown.getByRole('list', { name: 'API key' }).getByRole('listitem').innerText()
  ).trim();
  expect(key).toMatch(/^tsk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
  await shown.getByRole('button', { name: 'Copy key' }).click();
  await expect.poll(() => tessera.readClipboard()).toBe(key);
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'intranet' })).toContainText('Active');

  // Through the API with that key: a user, enrolled with a code computed here, then locked out.
  const call = api(key);
  expect((await call('PUT', '/v1/users/alice', { displayName: 'Alice' })).status).toBe(201);
  const enroll = await call('POST', '/v1/users/alice/totp?qr=none', {});
  expect(enroll.status).toBe(201);
  const totp = new TOTP({ secret: Secret.fromBase32(String(enroll.body.secret)) });
  const confirm = await call('POST', '/v1/users/alice/totp/confirm', {
    enrollmentId: enroll.body.enrollmentId,
    code: totp.generate(),
  });
  expect(confirm.status).toBe(200);
  const wrong = totp.generate() === '000000' ? '111111' : '000000';
  for (let i = 0; i < 5; i++) await call('POST', '/v1/users/alice/verify', { code: wrong });
  expect((await call('POST', '/v1/users/alice/verify', { code: wrong })).body.code).toBe('LOCKED');

  // The console sees it: enrolled and locked. Unlock.
  await openSection(page, 'Users');
  const alice = userRow(page, 'alice');
  await expect(alice).toContainText('Enrolled');
  await expect(alice).toContainText('Locked until');
  await alice.getByRole('button', { name: 'Unlock for alice' }).click();
  await expect(alice).toContainText('Not locked');

  // New backup codes: shown once, and one of them verifies through the API.
  await alice.getByRole('button', { name: 'Regenerate backup codes for alice' }).click();
  await page
    .getByRole('dialog', { name: 'Regenerate backup codes for alice?' })
    .getByRole('button', { name: 'Regenerate' })
    .click();
  const codesDialog = page.getByRole('dialog', { name: 'New backup codes for alice' });
  const codes = await codesDialog
    .getByRole('list', { name: 'Backup codes' })
    .getByRole('listitem')
    .allInnerTexts();
  expect(codes).toHaveLength(10);
  await codesDialog.getByRole('button', { name: 'Copy all' }).click();
  await expect.poll(() => tessera.readClipboard()).toBe(codes.join('\n'));
  await codesDialog.getByRole('button', { name: 'Done' }).click();
  const spent = await call('POST', '/v1/users/alice/verify', { code: codes[0] });
  expect(spent.body).toMatchObject({ valid: true, method: 'backup_code', backupCodesRemaining: 9 });

  // Reset MFA: status none, no actions left but the row.
  await alice.getByRole('button', { name: 'Reset MFA for alice' }).click();
  await page
    .getByRole('dialog', { name: 'Reset MFA for alice?' })
    .getByRole('button', { name: 'Reset MFA' })
    .click();
  await expect(alice).toContainText('Not enrolled');
  await expect(alice.getByRole('button')).toHaveCount(0);

  // The audit log names every step, newest first, and holds no key or code.
  await openSection(page, 'Audit log');
  const audit = page.getByRole('table');
  await expect(audit.getByRole('row').nth(1)).toContainText('mfa.reset');
  for (const event of [
    'client.created',
    'totp.enroll_confirmed',
    'verify.failure',
    'lockout.unlocked',
    'backup_codes.regenerated',
  ]) {
    await expect(audit).toContainText(event);
  }
  const auditText = await audit.innerText();
  expect(auditText).not.toContain(key.split('_')[2]);
  for (const code of codes) expect(auditText).not.toContain(code);
  await page.getByLabel('Event').selectOption('lockout.unlocked');
  await expect(audit.getByRole('row')).toHaveCount(2);
  await expect(audit.getByRole('row').nth(1)).toContainText('console');

  // Revoke the client: the API refuses the key at once.
  await openSection(page, 'API clients');
  await page.getByRole('button', { name: 'Revoke intranet' }).click();
  await page
    .getByRole('dialog', { name: 'Revoke intranet?' })
    .getByRole('button', { name: 'Revoke' })
    .click();
  await expect(page.getByRole('row').filter({ hasText: 'intranet' })).toContainText('Revoked');
  const refused = await call('GET', '/v1/users/alice');
  expect(refused.status).toBe(401);
  expect(refused.body.code).toBe('UNAUTHENTICATED');
});
