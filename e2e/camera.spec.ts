import { chromiumLaunchOptions } from './tools/chromium.mjs';
import { writeQrVideo } from './tools/qr-video';
import { expect, test } from './fixtures/tessera';
import { STRONG_SECRET, expectCurrentTotp, expectedTotp, label } from './fixtures/vault-page';

const uri = `otpauth://totp/Camera%20Co:carol?secret=${STRONG_SECRET}&issuer=Camera%20Co`;

// Chromium's fake capture device plays the video to getUserMedia: the live preview and the jsqr
// scan run exactly as with a real webcam.
test.use({
  launchOptions: {
    ...chromiumLaunchOptions,
    args: [
      ...chromiumLaunchOptions.args,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${writeQrVideo(uri)}`,
    ],
  },
  permissions: ['clipboard-read', 'clipboard-write', 'camera'],
});

test('a QR code shown to the camera → live preview → preview list → import', async ({
  tessera,
}) => {
  test.skip(tessera.mode === 'electron', 'The fake camera is a Chromium launch flag.');
  const { page } = tessera;
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import accounts' });
  await dialog.getByRole('button', { name: 'Scan with camera' }).click();
  await expect(dialog.getByLabel('Camera preview')).toBeVisible();

  const entry = dialog.getByRole('checkbox', { name: 'Import Camera Co (carol)' });
  await expect(entry).toBeChecked({ timeout: 15_000 });
  await expect(dialog).not.toContainText(STRONG_SECRET);
  await dialog.getByRole('button', { name: 'Import 1 account' }).click();
  await expect(dialog.getByText('Imported 1 account')).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expectCurrentTotp(page, label('Camera Co', 'carol'), () => expectedTotp(STRONG_SECRET));
});
