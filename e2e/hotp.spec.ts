import { expect, test } from './fixtures/tessera';
import {
  STRONG_SECRET,
  addByForm,
  code,
  expectedHotp,
  label,
  row,
  shownCode,
} from './fixtures/vault-page';

test('HOTP: Next code advances the counter, durably', async ({ tessera }) => {
  await addByForm(tessera.page, {
    issuer: 'VPN',
    name: 'gina',
    secret: STRONG_SECRET,
    type: 'HOTP',
    counter: '5',
  });
  const vpn = label('VPN', 'gina');
  let page = tessera.page;
  await expect(code(page, vpn)).toHaveText(expectedHotp(STRONG_SECRET, 5));
  await expect(row(page, vpn).getByRole('timer')).toHaveCount(0);

  await row(page, vpn).getByRole('button', { name: 'Next code' }).click();
  await expect(code(page, vpn)).toHaveText(expectedHotp(STRONG_SECRET, 6));
  await row(page, vpn).getByRole('button', { name: 'Next code' }).click();
  await expect(code(page, vpn)).toHaveText(expectedHotp(STRONG_SECRET, 7));
  await expect(row(page, vpn).getByText('Counter 7')).toBeVisible();

  page = await tessera.restart();
  await expect(code(page, vpn)).toHaveText(expectedHotp(STRONG_SECRET, 7));
  expect(await shownCode(page, vpn)).toBe(expectedHotp(STRONG_SECRET, 7));
});

test('Steam: five characters from the Steam alphabet, with a countdown', async ({ tessera }) => {
  const { page } = tessera;
  await addByForm(page, { issuer: 'Steam', name: 'henry', secret: STRONG_SECRET, type: 'Steam' });
  const steam = label('Steam', 'henry');
  await expect(code(page, steam)).toHaveText(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
  await expect(row(page, steam).getByRole('timer')).toBeVisible();
});
