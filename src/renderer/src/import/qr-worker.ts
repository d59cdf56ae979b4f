/// <reference lib="webworker" />
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import wasmDataUrl from 'zxing-wasm/reader/zxing_reader.wasm?url&inline';
import { jsqrRead, ZXING_QR_OPTIONS } from '../../../shared/qr/readers';
import type { RgbaImage } from '../../../shared/qr/rgba-image';
import { scanWithPasses } from '../../../shared/qr/scan-passes';
import type { QrWorkerRequest, QrWorkerResponse } from './qr-worker-protocol';

/**
 * Decoding runs here, never on the UI thread. The .wasm is bundled into this worker as a data
 * URL and handed to zxing as bytes, so scanning never fetches anything (zxing-wasm's default is
 * a CDN) and works the same from file:// in Electron and over loopback in browser mode.
 */
let ready: Promise<unknown> | undefined;
function ensureZxing(): Promise<unknown> {
  if (!ready) {
    const base64 = wasmDataUrl.slice(wasmDataUrl.indexOf(',') + 1);
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    ready = prepareZXingModule({ overrides: { wasmBinary: bytes.buffer }, fireImmediately: true });
  }
  return ready;
}

async function zxingRead(image: RgbaImage): Promise<string[]> {
  await ensureZxing();
  // readBarcodes only reads width, height and data; no need to build a real ImageData.
  const results = await readBarcodes(image as unknown as Parameters<typeof readBarcodes>[0], {
    ...ZXING_QR_OPTIONS,
    formats: [...ZXING_QR_OPTIONS.formats],
  });
  return results.filter((r) => r.isValid && r.text !== '').map((r) => r.text);
}

async function pixelsOf(blob: Blob): Promise<RgbaImage> {
  // createImageBitmap decodes PNG, JPEG, GIF, WebP and BMP and honours EXIF orientation.
  const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2d context');
  // Drawn on a transparent canvas: alpha is kept, and scanWithPasses reads a code with
  // transparent modules over white and over black.
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

async function handle(request: QrWorkerRequest): Promise<string[]> {
  const readers = { multi: zxingRead, single: jsqrRead };
  if (request.kind === 'frame') {
    // Live preview: jsqr first (the card's decoder, cheap on small frames), zxing as backup.
    const quick = await jsqrRead(request.image);
    return quick.length > 0 ? quick : zxingRead(request.image);
  }
  const image = request.kind === 'blob' ? await pixelsOf(request.blob) : request.image;
  return scanWithPasses(image, readers);
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<QrWorkerRequest>) => {
  const { id } = event.data;
  handle(event.data).then(
    (texts) => scope.postMessage({ id, ok: true, texts } satisfies QrWorkerResponse),
    () => scope.postMessage({ id, ok: false, reason: 'undecodable' } satisfies QrWorkerResponse),
  );
};
