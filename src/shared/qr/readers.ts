import jsQR from 'jsqr';
import type { RgbaImage } from './rgba-image';

/**
 * Options for zxing-wasm's readBarcodes, shared by the Node and the Web Worker decoders. Kept as
 * a plain object so src/shared does not import zxing-wasm (each side loads its own build).
 */
export const ZXING_QR_OPTIONS = {
  formats: ['QRCode'],
  tryHarder: true,
  tryInvert: true,
  tryRotate: true,
  tryDownscale: true,
  maxNumberOfSymbols: 32,
} as const;

export function jsqrRead(image: RgbaImage): Promise<string[]> {
  const data =
    image.data instanceof Uint8ClampedArray
      ? image.data
      : new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  const found = jsQR(data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
  return Promise.resolve(found && found.data !== '' ? [found.data] : []);
}
