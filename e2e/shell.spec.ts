import { expect, test } from './fixtures/tessera';
import { sessionHeaders } from './fixtures/web-host';
import { STRONG_SECRET, code, label, row } from './fixtures/vault-page';

test('a start-up failure shows an error banner that names the cause and the fix', async ({
  tessera,
}) => {
  test.skip(tessera.mode === 'electron', 'Needs to intercept the browser-mode RPC.');
  const { page } = tessera;
  let fail = true;
  await page.route('**/rpc/vault.list', (route) =>
    fail
      ? route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({
            ok: false,
            error: { code: 'KEYCHAIN_LOCKED', message: 'The OS keychain is locked.' },
          }),
        })
      : route.fallback(),
  );
  await page.reload();
  const banner = page.getByRole('alert');
  await expect(banner).toContainText('The OS keychain is locked.');
  await expect(banner).toContainText('KEYCHAIN_LOCKED');
  await expect(banner).toContainText('Unlock your system keychain');

  fail = false;
  await banner.getByRole('button', { name: 'Try again' }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByText('No accounts yet')).toBeVisible();
});

test('2,000 accounts: only the visible rows are in the DOM, and every row is reachable', async ({
  tessera,
}) => {
  test.skip(tessera.mode === 'electron', 'Seeds through the browser-mode RPC.');
  test.setTimeout(240_000);
  const { page } = tessera;
  const rpc = new URL('/rpc/vault.add', page.url()).href;
  const headers = await sessionHeaders(page);
  const total = 2000;
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < total; i = next++) {
      const issuer = `Service ${String(i).padStart(4, '0')}`;
      await page.request.post(rpc, {
        headers,
        data: { issuer, name: 'me', secret: STRONG_SECRET },
      });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  await page.reload();

  await expect(code(page, label('Service 0000', 'me'))).toHaveText(/^\d{6}$/);
  const rendered = await page.getByRole('listitem').count();
  expect(rendered).toBeGreaterThan(3);
  expect(rendered).toBeLessThan(40);
  await expect(page.getByRole('listitem').first()).toHaveAttribute('aria-setsize', String(total));

  // Keyboard: End jumps to the last account, which gets its code. The parallel seeding above
  // stores accounts in arrival order, so the last one is known by position, not by name.
  await row(page, label('Service 0000', 'me')).focus();
  await page.keyboard.press('End');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('aria-posinset', String(total));
  const lastName = await focused.getAttribute('aria-label');
  expect(lastName).toMatch(/^Service \d{4} \(me\)$/);
  await expect(code(page, lastName ?? '')).toHaveText(/^\d{6}$/);

  // Search narrows 2,000 to one.
  await page.getByRole('searchbox', { name: 'Search accounts' }).fill('service 1234');
  await expect(page.getByRole('listitem')).toHaveCount(1);
  await expect(code(page, label('Service 1234', 'me'))).toHaveText(/^\d{6}$/);
});
