import { decode as decodeBmp } from 'bmp-ts';
import { ImportError } from '../import/import-types';
import type { RgbaImage } from '../../shared/qr/rgba-image';

/** A hostile image must not make us allocate gigabytes: 50 megapixels covers any phone photo. */
export const MAX_PIXELS = 50_000_000;
/** No screen or camera makes a side longer than this; a larger one is a forged header. */
const MAX_SIDE = 65_535;

const BI_RGB = 0;
const BI_BITFIELDS = 3;
const BI_ALPHABITFIELDS = 6;
const BI_JPEG = 4;
const BI_PNG = 5;
const FILE_HEADER = 14;

interface BmpHeader {
  width: number;
  height: number;
  topDown: boolean;
  bitsPerPixel: number;
  compression: number;
  dataOffset: number;
  masks: [number, number, number, number];
}

export function tooLarge(): ImportError {
  return new ImportError(
    'IMPORT_TOO_LARGE',
    'The image is too large to scan (more than 50 megapixels).',
  );
}

function damaged(): ImportError {
  return new ImportError(
    'IMPORT_TRUNCATED',
    'The BMP image is damaged or incomplete (was the file cut off while copying?).',
  );
}

/**
 * Reads and checks a BMP's header before any pixel is decoded: its dimensions must be sane and
 * its uncompressed pixel rows must fit in the file, so a 60-byte file cannot ask for gigabytes.
 */
export function readBmpHeader(bytes: Uint8Array): BmpHeader {
  if (bytes.length < FILE_HEADER + 40) throw damaged();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const infoSize = view.getUint32(14, true);
  if (infoSize < 40) throw damaged();
  const width = view.getInt32(18, true);
  const rawHeight = view.getInt32(22, true);
  const height = Math.abs(rawHeight);
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) throw tooLarge();
  if (width <= 0 || height === 0) throw damaged();
  const bitsPerPixel = view.getUint16(28, true);
  const compression = view.getUint32(30, true);
  const dataOffset = view.getUint32(10, true);
  const uncompressed = [BI_RGB, BI_BITFIELDS, BI_ALPHABITFIELDS].includes(compression);
  const rowBytes = Math.floor((bitsPerPixel * width + 31) / 32) * 4;
  if (uncompressed && dataOffset + rowBytes * height > bytes.length) throw damaged();
  // Colour masks follow a 40-byte header (BI_BITFIELDS) or sit inside the V2+ headers.
  const hasMasks = compression === BI_BITFIELDS || compression === BI_ALPHABITFIELDS;
  const mask = (i: number) =>
    FILE_HEADER + 40 + 4 * i + 4 <= bytes.length
      ? view.getUint32(FILE_HEADER + 40 + 4 * i, true)
      : 0;
  const hasAlphaMask = compression === BI_ALPHABITFIELDS || infoSize >= 56;
  const masks: BmpHeader['masks'] = hasMasks
    ? [mask(0), mask(1), mask(2), hasAlphaMask ? mask(3) : 0]
    : [0x00ff0000, 0x0000ff00, 0x000000ff, 0xff000000];
  return { width, height, topDown: rawHeight < 0, bitsPerPixel, compression, dataOffset, masks };
}

function channel(pixel: number, mask: number): number {
  if (mask === 0) return 0;
  const shift = 31 - Math.clz32(mask & -mask);
  const max = mask >>> shift;
  return Math.round((((pixel & mask) >>> shift) * 255) / max);
}

/**
 * 32-bit pixels. The fourth byte of a BI_RGB bitmap is "unused" by the spec, yet the Windows
 * clipboard puts alpha there: read as alpha when any pixel has it, as opaque when all are zero
 * (what a spec reader does). With BI_BITFIELDS the alpha mask, when given, says where it is.
 */
function decode32(bytes: Uint8Array, h: BmpHeader): RgbaImage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const data = new Uint8ClampedArray(h.width * h.height * 4);
  const [r, g, b, a] = h.masks;
  let anyAlpha = false;
  for (let y = 0; y < h.height; y++) {
    const row = h.dataOffset + (h.topDown ? y : h.height - 1 - y) * h.width * 4;
    for (let x = 0; x < h.width; x++) {
      const pixel = view.getUint32(row + x * 4, true);
      const o = (y * h.width + x) * 4;
      data[o] = channel(pixel, r);
      data[o + 1] = channel(pixel, g);
      data[o + 2] = channel(pixel, b);
      data[o + 3] = channel(pixel, a);
      if (data[o + 3] !== 0) anyAlpha = true;
    }
  }
  if (!anyAlpha) for (let i = 3; i < data.length; i += 4) data[i] = 255;
  return { width: h.width, height: h.height, data };
}

/** Every BMP the apps and the clipboard write: 32-bit here, the rest (palettes, RLE) by bmp-ts. */
export function bmpToRgba(bytes: Uint8Array): RgbaImage {
  const header = readBmpHeader(bytes);
  if (header.bitsPerPixel === 32 && header.compression !== BI_JPEG && header.compression !== BI_PNG)
    return decode32(bytes, header);
  const bmp = decodeBmp(Buffer.from(bytes), { toRGBA: true });
  if (bmp.data.length < header.width * header.height * 4) throw damaged();
  const data = new Uint8ClampedArray(bmp.data);
  // bmp-ts writes alpha 0 for formats without alpha: they are opaque.
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  return { width: header.width, height: header.height, data };
}
