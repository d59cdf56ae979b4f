import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../import/import-types';
import type { RgbaImage } from '../../shared/qr/rgba-image';
import { readBmpHeader } from './bmp-decode';
import { scanImageFile } from './scan-image';
import { canvas, place, qrImage } from './testing/qr-fixtures';

const URI = 'otpauth://totp/Clip:me@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Clip';

interface BmpOptions {
  /** 40 = BITMAPINFOHEADER, 124 = BITMAPV5HEADER (what the clipboard's CF_DIBV5 holds). */
  infoSize?: 40 | 124;
  compression?: 0 | 3;
  /** With compression 3: the R, G, B, A masks. */
  masks?: [number, number, number, number];
  /** The 4th byte of each pixel, from the RGBA pixel. */
  fourth: (rgba: [number, number, number, number]) => number;
  /** The colour bytes written, from the RGBA pixel. */
  colour?: (rgba: [number, number, number, number]) => [number, number, number];
}

/** A 32-bit BMP written byte by byte, bottom-up, as Windows writes them. */
function bmp32(image: RgbaImage, o: BmpOptions): Buffer {
  const infoSize = o.infoSize ?? 40;
  const masksAfter = infoSize === 40 && o.compression === 3 ? 12 : 0;
  const offset = 14 + infoSize + masksAfter;
  const size = offset + image.width * image.height * 4;
  const out = Buffer.alloc(size);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(size, 2);
  out.writeUInt32LE(offset, 10);
  out.writeUInt32LE(infoSize, 14);
  out.writeInt32LE(image.width, 18);
  out.writeInt32LE(image.height, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(32, 28);
  out.writeUInt32LE(o.compression ?? 0, 30);
  out.writeUInt32LE(image.width * image.height * 4, 34);
  // V5 with BI_RGB: the mask fields are present but zero; a reader must not use them.
  if (o.masks) o.masks.forEach((m, i) => out.writeUInt32LE(m >>> 0, 54 + 4 * i));
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = ((image.height - 1 - y) * image.width + x) * 4;
      const px = [...image.data.subarray(i, i + 4)] as [number, number, number, number];
      const [r, g, b] = o.colour ? o.colour(px) : [px[0], px[1], px[2]];
      const at = offset + (y * image.width + x) * 4;
      out.writeUInt8(b, at);
      out.writeUInt8(g, at + 1);
      out.writeUInt8(r, at + 2);
      out.writeUInt8(o.fourth(px), at + 3);
    }
  }
  return out;
}

const code = () => place(canvas(300, 300), qrImage(URI, { size: 260 }), 20, 20);
// A code whose light modules are transparent black, dark modules opaque black: all-black RGB.
const transparentLight = {
  fourth: (p: number[]) => (p[0]! < 128 ? 255 : 0),
  colour: (): [number, number, number] => [0, 0, 0],
};

describe('BMP and PNG codes as the clipboard and apps write them', () => {
  it('reads a 32-bit BMP whose unused fourth byte is all zero, as opaque', async () => {
    expect(await scanImageFile(bmp32(code(), { fourth: () => 0 }))).toEqual([URI]);
  });

  it('reads a Windows-clipboard 32-bit BMP with alpha in the "unused" fourth byte', async () => {
    expect(await scanImageFile(bmp32(qrImage(URI, { size: 300 }), transparentLight))).toEqual([
      URI,
    ]);
  });

  it('reads a V5 BMP with BI_RGB and zeroed mask fields (CF_DIBV5)', async () => {
    const file = bmp32(code(), { infoSize: 124, masks: [0, 0, 0, 0], fourth: () => 0 });
    expect(await scanImageFile(file)).toEqual([URI]);
  });

  it('reads a BI_BITFIELDS BMP by its masks, alpha included', async () => {
    const file = bmp32(qrImage(URI, { size: 300 }), {
      infoSize: 124,
      compression: 3,
      masks: [0x00ff0000, 0x0000ff00, 0x000000ff, 0xff000000],
      ...transparentLight,
    });
    expect(await scanImageFile(file)).toEqual([URI]);
  });

  it('reads a PNG code whose light modules are transparent', async () => {
    const image = qrImage(URI, { size: 300 });
    const png = new PNG({ width: image.width, height: image.height });
    for (let i = 0; i < image.data.length; i += 4) {
      const dark = image.data[i]! < 128;
      png.data.set([0, 0, 0, dark ? 255 : 0], i);
    }
    expect(await scanImageFile(PNG.sync.write(png))).toEqual([URI]);
  });

  it('reads a dark-mode PNG code whose dark modules are transparent and light ones white', async () => {
    const image = qrImage(URI, { size: 300 });
    const png = new PNG({ width: image.width, height: image.height });
    for (let i = 0; i < image.data.length; i += 4) {
      const dark = image.data[i]! < 128;
      png.data.set(dark ? [0, 0, 0, 0] : [255, 255, 255, 255], i);
    }
    expect(await scanImageFile(PNG.sync.write(png))).toEqual([URI]);
  });

  it('refuses a BMP whose header claims absurd dimensions before decoding it', async () => {
    const header = bmp32(qrImage(URI, { size: 8 }), { fourth: () => 0 });
    header.writeInt32LE(60_000, 18);
    header.writeInt32LE(-60_000, 22);
    const error = await scanImageFile(header).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe('IMPORT_TOO_LARGE');
    // A header that fits the limits but whose pixels are not in the file is damaged, not decoded.
    header.writeInt32LE(5_000, 18);
    header.writeInt32LE(5_000, 22);
    expect(() => readBmpHeader(header)).toThrow(/damaged or incomplete/);
  });
});
