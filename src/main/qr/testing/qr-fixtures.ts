import { encode as encodeBmp } from 'bmp-ts';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import sharp from 'sharp';
import type { RgbaImage } from '../../../shared/qr/rgba-image';

/**
 * Test images, generated rather than checked in: QR codes rendered from their module matrix,
 * composed onto a screenshot-like canvas, then written in each container format.
 */
export interface QrOptions {
  /** Side of the rendered code in pixels, quiet zone included. */
  size: number;
  /** Quiet zone in modules (the spec asks for 4). */
  margin?: number;
  dark?: number;
  light?: number;
}

export function qrImage(
  text: string,
  { size, margin = 4, dark = 0, light = 255 }: QrOptions,
): RgbaImage {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const modules = qr.modules.size;
  const total = modules + 2 * margin;
  const data = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) {
    const my = Math.floor((y * total) / size) - margin;
    for (let x = 0; x < size; x++) {
      const mx = Math.floor((x * total) / size) - margin;
      const on = mx >= 0 && my >= 0 && mx < modules && my < modules && qr.modules.get(my, mx) === 1;
      const v = on ? dark : light;
      data.set([v, v, v, 255], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

/** A desktop-like canvas: a mid-grey gradient with some busy stripes, like window chrome. */
export function canvas(width: number, height: number): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const stripe = (Math.floor(y / 40) % 2 === 0 ? 20 : 0) + (x % 97 < 3 ? 60 : 0);
      const v = 120 + Math.floor((x / width) * 60) + stripe;
      data.set([v, v - 10, v + 10, 255], (y * width + x) * 4);
    }
  }
  return { width, height, data };
}

export function place(target: RgbaImage, source: RgbaImage, left: number, top: number): RgbaImage {
  for (let y = 0; y < source.height; y++) {
    const from = y * source.width * 4;
    target.data.set(
      source.data.subarray(from, from + source.width * 4),
      ((top + y) * target.width + left) * 4,
    );
  }
  return target;
}

export function invert(image: RgbaImage): RgbaImage {
  const data = new Uint8ClampedArray(image.data);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = 255 - data[i]!;
    data[i + 1] = 255 - data[i + 1]!;
    data[i + 2] = 255 - data[i + 2]!;
  }
  return { ...image, data };
}

/** Full HD with each text as a 220-px code, spread over the screen as in a real screenshot. */
export function fullHdScreenshot(texts: string[]): RgbaImage {
  const image = canvas(1920, 1080);
  const spots = [
    [160, 140],
    [860, 520],
    [1540, 220],
    [300, 760],
    [1400, 780],
  ];
  texts.forEach((text, i) => {
    const [x, y] = spots[i % spots.length]!;
    place(image, qrImage(text, { size: 220 }), x!, y!);
  });
  return image;
}

export function toPng(image: RgbaImage): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return PNG.sync.write(png);
}

export async function toFormat(
  image: RgbaImage,
  format: 'jpeg' | 'gif' | 'webp' | 'bmp',
): Promise<Buffer> {
  if (format === 'bmp') {
    // bmp-ts writes ABGR.
    const abgr = Buffer.alloc(image.width * image.height * 4);
    for (let i = 0; i < abgr.length; i += 4) {
      abgr[i] = 255;
      abgr[i + 1] = image.data[i + 2]!;
      abgr[i + 2] = image.data[i + 1]!;
      abgr[i + 3] = image.data[i]!;
    }
    return encodeBmp({ width: image.width, height: image.height, data: abgr, bitPP: 24 }).data;
  }
  const input = sharp(
    Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength),
    {
      raw: { width: image.width, height: image.height, channels: 4 },
    },
  );
  if (format === 'jpeg') return input.jpeg({ quality: 85 }).toBuffer();
  if (format === 'gif') return input.gif().toBuffer();
  return input.webp({ quality: 85 }).toBuffer();
}
