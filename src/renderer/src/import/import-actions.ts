import { MAX_IMPORT_FILE_BASE64, type ImportPreview } from '../../../shared/contract/import';
import { TesseraError } from '../../../shared/errors';
import { isOtpLink } from '../../../shared/payload-caption';
import { sniffImage } from '../../../shared/qr/image-sniff';
import type { RgbaImage } from '../../../shared/qr/rgba-image';
import { call } from '../bridge/bridge';
import { bytesToBase64 } from './file-bytes';
import { frameToPng, scanInWorker } from './qr-scanner';

/** Everything that can start (or extend) an import. */
export type ImportSource =
  | { kind: 'file'; file: File }
  | { kind: 'texts'; texts: string[] }
  | { kind: 'pixels'; image: RgbaImage };

export interface PreviewOptions {
  password?: string;
  appendTo?: string;
  /** The app picked in "Import from…", so a file without any mark of it is still read as its. */
  format?: string;
  /** Lets `import.cancelParse` stop the file being read in main. */
  parseId?: string | undefined;
  /** Called when main starts reading the file (only then can it be cancelled). */
  onParsing?: (() => void) | undefined;
}

/** Pasted text worth importing: one or more otpauth links (a scanner's caption is dropped in main). */
export function otpTextLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(isOtpLink);
}

async function previewFile(
  file: File,
  bytes: Uint8Array,
  { onParsing, ...options }: PreviewOptions,
): Promise<ImportPreview> {
  const dataBase64 = bytesToBase64(bytes);
  if (dataBase64.length > MAX_IMPORT_FILE_BASE64) {
    throw new TesseraError('IMPORT_TOO_LARGE', 'This file is too large to import (over 11 MB).');
  }
  onParsing?.();
  return call('import.previewFile', { dataBase64, fileName: file.name.slice(0, 255), ...options });
}

/**
 * Images are decoded in the worker and only the QR texts cross to main. Main still gets the
 * bytes of an image the browser could not decode (its decoder names the damage) and of every
 * other file (backups and other apps' exports are parsed there, where the secrets stay).
 */
export async function previewFrom(
  source: ImportSource,
  options: PreviewOptions = {},
): Promise<ImportPreview> {
  const { appendTo } = options;
  if (source.kind === 'texts')
    return call('import.previewTexts', { texts: source.texts, appendTo });
  if (source.kind === 'pixels') {
    const texts = await scanInWorker({ kind: 'pixels', image: source.image });
    if (texts !== null) return call('import.previewTexts', { texts, appendTo });
    // No worker (it could not start): let main decode the capture instead.
    const png = await frameToPng(source.image);
    if (!png) return call('import.previewTexts', { texts: [], appendTo });
    const file = new File([png], 'screen.png', { type: 'image/png' });
    return previewFile(file, new Uint8Array(await png.arrayBuffer()), options);
  }
  const bytes = new Uint8Array(await source.file.arrayBuffer());
  if (sniffImage(bytes)) {
    const texts = await scanInWorker({ kind: 'blob', blob: source.file });
    if (texts !== null) return call('import.previewTexts', { texts, appendTo });
  }
  return previewFile(source.file, bytes, options);
}
