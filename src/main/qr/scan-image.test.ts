import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../import/import-types';
import { encodeMigrationUri } from '../import/migration/migration-encode';
import { scanImageFile } from './scan-image';
import {
  canvas,
  fullHdScreenshot,
  invert,
  place,
  qrImage,
  toFormat,
  toPng,
} from './testing/qr-fixtures';

const uri = (n: number) =>
  `otpauth://totp/Example${n}:user${n}@example.com?secret=JBSWY3DPEHPK3PXP${'A'.repeat(n % 3)}&issuer=Example${n}`;

async function errorCode(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ImportError) return error.code;
    throw error;
  }
  return 'NO_ERROR';
}

describe('scanning QR codes in image files', () => {
  it('finds all three codes in a full-HD screenshot', async () => {
    const texts = [uri(1), uri(2), uri(3)];
    const found = await scanImageFile(toPng(fullHdScreenshot(texts)));
    expect([...found].sort()).toEqual([...texts].sort());
  });

  it.each(['jpeg', 'gif', 'webp', 'bmp'] as const)('reads %s', async (format) => {
    const image = place(canvas(640, 480), qrImage(uri(4), { size: 260 }), 190, 110);
    expect(await scanImageFile(await toFormat(image, format))).toEqual([uri(4)]);
  });

  it.each([
    ['16-bit PNG', (s: Sharp) => s.toColourspace('rgb16').png()],
    ['greyscale PNG', (s: Sharp) => s.greyscale().png()],
    ['CMYK JPEG', (s: Sharp) => s.toColourspace('cmyk').jpeg()],
    ['TIFF', (s: Sharp) => s.tiff()],
    ['AVIF', (s: Sharp) => s.avif()],
  ])('reads a %s', async (_name, convert) => {
    const png = toPng(place(canvas(500, 400), qrImage(uri(10), { size: 260 }), 120, 70));
    expect(await scanImageFile(await convert(sharp(png)).toBuffer())).toEqual([uri(10)]);
  });

  it('reads an inverted code (light on dark, as dark-mode apps show it)', async () => {
    const image = invert(place(canvas(500, 500), qrImage(uri(5), { size: 300 }), 100, 100));
    expect(await scanImageFile(toPng(image))).toEqual([uri(5)]);
  });

  it('reads a code cropped to its edge, with no quiet zone', async () => {
    expect(await scanImageFile(toPng(qrImage(uri(6), { size: 330, margin: 0 })))).toEqual([uri(6)]);
  });

  it('reads a low-contrast code', async () => {
    const image = qrImage(uri(7), { size: 360, dark: 105, light: 150 });
    expect(await scanImageFile(toPng(image))).toEqual([uri(7)]);
  });

  it('reads a photo-like code: rotated, skewed, blurred, JPEG', async () => {
    const flat = place(canvas(700, 700), qrImage(uri(8), { size: 360 }), 170, 170);
    const photo = await sharp(toPng(flat))
      .affine(
        [
          [1, 0.12],
          [0.06, 1],
        ],
        { background: '#888888' },
      )
      .rotate(13, { background: '#777777' })
      .blur(1.2)
      .jpeg({ quality: 70 })
      .toBuffer();
    expect(await scanImageFile(photo)).toEqual([uri(8)]);
  });

  it('reads a dense Google Authenticator export (10 accounts in one code) on a 4K screen', async () => {
    const accounts = Array.from({ length: 10 }, (_, i) => ({
      issuer: `Service number ${i}`,
      name: `someone.with.a.long.name.${i}@example.com`,
      secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
      type: 'totp' as const,
      algorithm: 'SHA1' as const,
      digits: 6,
      period: 30,
      counter: 0,
    }));
    const text = encodeMigrationUri(accounts);
    const screen = place(canvas(3840, 2160), qrImage(text, { size: 520 }), 1700, 800);
    expect(await scanImageFile(toPng(screen))).toEqual([text]);
  });

  it('refuses an image without a QR code', async () => {
    expect(await errorCode(() => scanImageFile(toPng(canvas(300, 200))))).toBe('IMPORT_NO_QR_CODE');
  });

  it('refuses a truncated image', async () => {
    const png = toPng(place(canvas(400, 400), qrImage(uri(9), { size: 300 }), 50, 50));
    expect(await errorCode(() => scanImageFile(png.subarray(0, Math.floor(png.length / 2))))).toBe(
      'IMPORT_TRUNCATED',
    );
    const jpeg = await toFormat(canvas(400, 400), 'jpeg');
    expect(
      await errorCode(() => scanImageFile(jpeg.subarray(0, Math.floor(jpeg.length / 3)))),
    ).toBe('IMPORT_TRUNCATED');
  });
});
