import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { ZXING_QR_OPTIONS } from '../../shared/qr/readers';
import type { RgbaImage } from '../../shared/qr/rgba-image';

let prepared: Promise<unknown> | undefined;

/**
 * zxing-wasm fetches its .wasm from a CDN unless given the bytes: a secrets app must work offline
 * and must not tell a third party when it scans, so we always hand it the file shipped in the
 * npm package.
 */
function ensureModule(): Promise<unknown> {
  if (!prepared) {
    const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    const wasm = readFileSync(wasmPath);
    const wasmBinary = wasm.buffer.slice(
      wasm.byteOffset,
      wasm.byteOffset + wasm.byteLength,
    ) as ArrayBuffer;
    prepared = prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  }
  return prepared;
}

export async function zxingRead(image: RgbaImage): Promise<string[]> {
  await ensureModule();
  // The ImageData path only reads width, height and data; Node has no ImageData class.
  const results = await readBarcodes(image as unknown as Parameters<typeof readBarcodes>[0], {
    ...ZXING_QR_OPTIONS,
    formats: [...ZXING_QR_OPTIONS.formats],
  });
  return results.filter((r) => r.isValid && r.text !== '').map((r) => r.text);
}
