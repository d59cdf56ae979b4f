import { expect, test } from './fixtures/tessera';
import { STRONG_SECRET, label, row } from './fixtures/vault-page';
import { openStartUrl, sessionHeaders } from './fixtures/web-host';

/** Browser mode's key: a single-use start link, a per-tab session header, never a cookie. */
test.describe('browser mode session', () => {
  test.beforeEach(({ tessera }) => {
    test.skip(tessera.mode === 'electron', 'Browser mode only.');
  });

  test('works with no cookie, drops the token from the address bar and survives a reload', async ({
    tessera,
    context,
  }) => {
    const { page } = tessera;
    await expect(page.getByText('No accounts yet')).toBeVisible();
    expect(await context.cookies()).toEqual([]);
    expect(page.url()).not.toContain('token');

    const rpc = new URL('/rpc/vault.add', page.url()).href;
    const added = await page.request.post(rpc, {
      headers: await sessionHeaders(page),
      data: { issuer: 'Reload', name: 'me', secret: STRONG_SECRET },
    });
    expect(added.status()).toBe(200);
    await page.reload();
    await expect(row(page, label('Reload', 'me'))).toBeVisible();
    expect(await context.cookies()).toEqual([]);
  });

  test('calls without the session header are refused with 401', async ({ tessera }) => {
    const { page } = tessera;
    const rpc = new URL('/rpc/vault.list', page.url()).href;
    const bare = await page.request.post(rpc, { data: {} });
    expect(bare.status()).toBe(401);
    expect((await bare.json()).error.code).toBe('UNAUTHENTICATED');
    const wrong = await page.request.post(rpc, {
      headers: { 'x-tessera-session': 'not-a-session' },
      data: {},
    });
    expect(wrong.status()).toBe(401);
  });

  test('a start link works once; a new tab needs a new one from `tessera web --new-url`', async ({
    tessera,
    context,
  }) => {
    // Three tabs and a `tessera web --new-url` process: generous on a busy 2-core machine.
    test.setTimeout(180_000);
    const web = tessera.web!;
    const second = await context.newPage();
    await second.goto(web.url);
    const banner = second.getByRole('alert');
    await expect(banner).toContainText('already used');
    await expect(banner).toContainText('START_LINK_USED');
    await expect(banner).toContainText('tessera web --new-url');
    expect(second.url()).not.toContain('token');

    // A tab opened without any link is not let in either.
    const bare = await context.newPage();
    await bare.goto(new URL('/', tessera.page.url()).href);
    await expect(bare.getByRole('alert')).toContainText('UNAUTHENTICATED');

    const third = await context.newPage();
    await openStartUrl(third, await web.newUrl());
    await expect(third.getByText('No accounts yet')).toBeVisible();
    expect(await context.cookies()).toEqual([]);
  });
});
