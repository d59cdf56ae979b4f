import { expect, test } from './fixtures/tessera';

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
