import { formatsForDetection } from './format-registry';
import { ImportError, type ImportOptions, type ImportParseResult } from './import-types';
import { looksLikeImageName } from '../../shared/qr/image-sniff';

/** Larger than any export we know of by orders of magnitude; refuses a mistaken disk image. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

export interface DetectOptions extends ImportOptions {
  /** Only to word errors ("named like an image"); never used to choose a format. */
  fileName?: string;
}

function asText(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

function unrecognized(text: string | undefined, fileName: string | undefined): ImportError {
  if (looksLikeImageName(fileName)) {
    const what = text !== undefined ? 'text' : 'data in an unknown format';
    return new ImportError(
      'IMPORT_NOT_AN_IMAGE',
      `“${fileName}” is named like an image but is not one (it contains ${what}).`,
    );
  }
  return new ImportError(
    'IMPORT_UNRECOGNIZED',
    'Tessera does not recognise this file. It reads its own backups, otpauth links, QR code images and the exports of other authenticators.',
  );
}

/**
 * Detection by content, in a fixed order: our formats first, then other apps'. Whatever a
 * format throws, callers only ever see an ImportError.
 */
export async function parseImportFile(
  bytes: Uint8Array,
  options: DetectOptions = {},
): Promise<ImportParseResult[]> {
  if (bytes.length === 0) throw new ImportError('IMPORT_TRUNCATED', 'The file is empty.');
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new ImportError(
      'IMPORT_TOO_LARGE',
      'The file is too large to be an authenticator export (over 32 MiB).',
    );
  }
  const text = asText(bytes);
  for (const format of formatsForDetection()) {
    let matches = false;
    try {
      matches = format.detect(bytes, text);
    } catch {
      matches = false;
    }
    if (!matches) continue;
    try {
      return await format.parseAll(bytes, text, options);
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw new ImportError(
        'IMPORT_MALFORMED',
        `The file looks like ${format.id} but could not be read.`,
      );
    }
  }
  throw unrecognized(text, options.fileName);
}
