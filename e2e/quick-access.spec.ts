import { seriousViolationsLightAndDark } from './fixtures/axe';
import { expect, test } from './fixtures/tessera';
import { STRONG_SECRET, addByForm, expectedTotp, label } from './fixtures/vault-page';

test('the security settings say where the tray and the global shortcut are', async ({
  tessera,
}) => {
  const { page } = tessera;
  await page.getByRole('button', { name: 'Security' }).click();
  const quick = page.getByRole('region', { name: 'Quick access' });
  if (tessera.mode === 'web') {
    await expect(quick).toContainText('Tray and global shortcut are available in the desktop app.');
  } else {
    await expect(quick).toContainText('The tray icon searches and copies codes');
  }
});

// The view the global shortcut opens in its own window: the same bundle with #quick, so it runs
// in browser mode too (the tab keeps its session across the reload).
test('quick search: typing filters, Enter copies the first match', async ({ tessera }) => {
  const { page } = tessera;
  await addByForm(page, { issuer: 'GitHub', name: 'alice', secret: STRONG_SECRET });
  await addByForm(page, {
    issuer: 'Google',
    name: 'bob',
    secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  });
  // (Strings: the e2e tsconfig has Node's lib, not the DOM's.)
  await page.evaluate("window.location.hash = 'quick'");
  await page.reload();
  const quick = page.getByRole('main', { name: 'Quick search' });
  await expect(quick).toBeVisible();
  // The window closes itself after a copy; here it is the test's tab, so record the call instead.
  await page.evaluate("window.close = () => document.body.setAttribute('data-closed', 'yes')");
  const matches = quick.getByRole('list', { name: 'Matching accounts' }).getByRole('button');
  await expect(matches).toHaveCount(2);
  await quick.getByLabel('Search accounts').fill('git');
  await expect(matches).toHaveCount(1);
  await expect(matches.first()).toContainText(label('GitHub', 'alice'));
  await expect(matches.first()).toContainText(/\d{3} \d{3}/);
  expect(await seriousViolationsLightAndDark(page)).toEqual([]);
  await quick.getByLabel('Search accounts').focus();
  await page.keyboard.press('Enter');
  await expect(quick.getByRole('status')).toContainText(
    `Copied the code for ${label('GitHub', 'alice')}.`,
  );
  await expect
    .poll(() => tessera.readClipboard())
    .toMatch(new RegExp(`^(${expectedTotp(STRONG_SECRET)}|\\d{6})$`));
  await expect(page.locator('body')).toHaveAttribute('data-closed', 'yes');
});

test('the global shortcut for quick search is registered (Electron)', async ({ tessera }) => {
  test.skip(!tessera.electron, 'needs the Electron binary; browser mode has no global shortcut');
  const electron = tessera.electron!;
  await expect
    .poll(() =>
      electron.evaluate(({ globalShortcut }) =>
        globalShortcut.isRegistered('CommandOrControl+Shift+Space'),
      ),
    )
    .toBe(true);
});
