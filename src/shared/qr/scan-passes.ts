import {
  addQuietZone,
  downscale,
  flattenOn,
  hasTransparency,
  stretchContrast,
  type RgbaImage,
} from './rgba-image';

/** Finds every QR code in an image; returns their texts (possibly none). */
export type QrReader = (image: RgbaImage) => Promise<string[]>;

export interface QrReaders {
  /** zxing-wasm: fast, finds several codes, handles inversion; the first choice. */
  multi: QrReader;
  /** jsqr: one code per image, a second opinion where zxing finds nothing. */
  single: QrReader;
}

/** jsqr is O(pixels) and slow on photos; a QR that fits in 1280 px is still readable. */
const SINGLE_MAX_SIDE = 1280;

/**
 * Cheapest pass first; each later pass only runs when the earlier ones found nothing, so the
 * common case (a clean screenshot) costs one zxing call.
 */
export async function scanWithPasses(image: RgbaImage, readers: QrReaders): Promise<string[]> {
  if (!hasTransparency(image)) return runPasses(image, readers);
  // Transparent pixels have no colour of their own. A code with transparent light modules is
  // read over white, as viewers show it; one made for dark mode (transparent dark modules) over
  // black.
  for (const background of [255, 0] as const) {
    const texts = await runPasses(flattenOn(image, background), readers);
    if (texts.length > 0) return texts;
  }
  return [];
}

async function runPasses(image: RgbaImage, readers: QrReaders): Promise<string[]> {
  const passes: Array<() => Promise<string[]>> = [
    () => readers.multi(image),
    () => readers.single(downscale(image, SINGLE_MAX_SIDE)),
    () => readers.multi(addQuietZone(image, quietMargin(image))),
    () => readers.multi(stretchContrast(image)),
    () => readers.single(addQuietZone(stretchContrast(downscale(image, SINGLE_MAX_SIDE)), 32)),
  ];
  for (const pass of passes) {
    const texts = await pass();
    if (texts.length > 0) return [...new Set(texts)];
  }
  return [];
}

function quietMargin(image: RgbaImage): number {
  return Math.max(16, Math.round(Math.min(image.width, image.height) / 10));
}
