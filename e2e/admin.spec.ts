import { seriousViolations, seriousViolationsLightAndDark } from './fixtures/axe';
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
  const codeItems = codesDialog.getByRole('list', { name: 'Backup codes' }).getByRole('listitem');
  await expect(codeItems).toHaveCount(10);
  const codes = await codeItems.allInnerTexts();
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
  // The key's secret: everything after `tsk_<id>_` (base64url, so it may hold '_' itself).
  expect(auditText).not.toContain(key.split('_').slice(2).join('_'));
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

/** Opens the console, creates a client named `name` through its dialog and returns its key. */
async function createClient(page: Page, name: string, checkDialog = false): Promise<string> {
  await page
    .getByRole('navigation', { name: 'Tessera' })
    .getByRole('button', { name: 'MFA server' })
    .click();
  await openSection(page, 'API clients');
  await expect(page.getByText('No API clients yet')).toBeVisible();
  await page.getByRole('button', { name: 'Create client' }).click();
  const create = page.getByRole('dialog', { name: 'Create API client' });
  if (checkDialog) {
    await create.getByRole('button', { name: 'Create client' }).click();
    await expect(create.getByText('Name must not be empty.')).toBeVisible();
    expect(await seriousViolations(page, { within: 'dialog' })).toEqual([]);
  }
  await create.getByLabel('Name').fill(name);
  await create.getByLabel('Name').press('Enter');
  const shown = page.getByRole('dialog', { name: `API key for ${name}` });
  const key = (await shown.getByRole('listitem').innerText()).trim();
  await shown.getByRole('button', { name: 'Done' }).click();
  return key;
}

test('admin console: load more and filters, the users screen without axe violations', async ({
  tessera,
}) => {
  test.skip(!tessera.apiUrl, 'needs the API beside browser mode');
  const { page } = tessera;
  const key = await createClient(page, 'wiki', true);
  const call = apiClient(tessera.apiUrl!, key);
  await Promise.all(
    Array.from({ length: 55 }, (_, i) =>
      call('PUT', `/v1/users/user-${String(i).padStart(2, '0')}`, {}),
    ),
  );

  await openSection(page, 'Users');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(51); // the header and the first page of 50
  await page.getByRole('button', { name: 'Load more users' }).click();
  await expect(rows).toHaveCount(56);
  await expect(page.getByRole('button', { name: 'Load more users' })).toBeHidden();
  await page.getByLabel('Search users').fill('user-07');
  await expect(rows).toHaveCount(2);
  // Once, on the filtered screen: the same markup as the long list, a fraction of the nodes.
  expect(await seriousViolationsLightAndDark(page)).toEqual([]);
  await page.getByLabel('Status').selectOption('enrolled');
  await expect(page.getByText('No users match these filters')).toBeVisible();
});

test('admin console: policy with field errors, applied by the API, audited', async ({
  tessera,
}) => {
  test.skip(!tessera.apiUrl, 'needs the API beside browser mode');
  const { page } = tessera;
  const key = await createClient(page, 'wiki');
  const call = apiClient(tessera.apiUrl!, key);
  expect((await call('PUT', '/v1/users/user-07', {})).status).toBe(201);

  // Policy: main's validation lands on the field; a valid one is saved and the API applies it.
  await openSection(page, 'Policy');
  const policy = page.getByRole('form', { name: 'Policy for wiki' });
  await policy.getByLabel('Mode').selectOption('REQUIRED');
  await policy.getByLabel('Max failures').fill('0');
  await policy.getByRole('button', { name: 'Save policy' }).click();
  await expect(policy.getByLabel('Max failures')).toHaveAttribute('aria-invalid', 'true');
  expect(await seriousViolations(page, { within: 'form' })).toEqual([]);
  await policy.getByLabel('Max failures').fill('3');
  await policy.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByRole('status')).toContainText('Policy saved for wiki');
  const user = await call('GET', '/v1/users/user-07');
  expect(user.body.policy).toEqual({ mode: 'REQUIRED', enrollmentRequired: true });

  await openSection(page, 'Audit log');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('policy.updated');
  expect(await seriousViolations(page, { within: 'main' })).toEqual([]);
});
