import QRCode from 'qrcode';
import { chromiumLaunchOptions } from './tools/chromium.mjs';
import { expect, test } from './fixtures/tessera';
import { STRONG_SECRET, expectCurrentTotp, expectedTotp, label } from './fixtures/vault-page';

const SOURCE_TITLE = 'Tessera screen-capture source';
const uri = `otpauth://totp/Screen%20Co:dave?secret=${STRONG_SECRET}&issuer=Screen%20Co`;

// Chromium picks the tab with this title for getDisplayMedia without asking, so the real
// screen-capture path runs against a page that shows a QR code, as a person's screen would.
test.use({
  launchOptions: {
    ...chromiumLaunchOptions,
    args: [
      ...chromiumLaunchOptions.args,
      `--auto-select-tab-capture-source-by-title=${SOURCE_TITLE}`,
    ],
  },
});

test('a QR code on screen → capture → preview → import', async ({ tessera, context }) => {
  test.skip(tessera.mode === 'electron', 'Tab auto-selection is a Chromium launch flag.');
  const source = await context.newPage();
  const png = await QRCode.toDataURL(uri, { width: 360, margin: 4 });
  await source.setContent(
    `<title>${SOURCE_TITLE}</title><body style="margin:0;background:#fff"><img src="${png}" alt="QR"></body>`,
  );
  const { page } = tessera;
  await page.bringToFront();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import accounts' });
  await dialog.getByRole('button', { name: 'Scan QR code on screen' }).click();

  const entry = dialog.getByRole('checkbox', { name: 'Import Screen Co (dave)' });
  await expect(entry).toBeChecked({ timeout: 15_000 });
  await dialog.getByRole('button', { name: 'Import 1 account' }).click();
  await expect(dialog.getByText('Imported 1 account')).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expectCurrentTotp(page, label('Screen Co', 'dave'), () => expectedTotp(STRONG_SECRET));
});
