import { IMPORT_SOURCES } from '../../shared/import-sources';
import { formatsForDetection, type DetectableFormat } from './format-registry';
import { withKdfBudget } from './formats/shared/kdf-budget';
import { ImportError, type ImportOptions, type ImportParseResult } from './import-types';
import { looksLikeImageName } from '../../shared/qr/image-sniff';

/** Larger than any export we know of by orders of magnitude; refuses a mistaken disk image. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

export interface DetectOptions extends ImportOptions {
  /** Only to word errors ("named like an image"); never used to choose a format. */
  fileName?: string;
  /**
   * The app the person says the file comes from ("Import from…", `--format`): an app id of the
   * import sources or a format id. Its formats are tried first, and read even when the file
   * carries no mark of them (andOTP's old encrypted backups have none).
   */
  format?: string;
}

/** The formats an app id or a format id names; IMPORT_UNRECOGNIZED for a name we do not know. */
export function formatsNamed(name: string): DetectableFormat[] {
  const all = formatsForDetection();
  const key = name.trim().toLowerCase();
  const ids = IMPORT_SOURCES.find((app) => app.id === key)?.formatIds ?? [key];
  const named = all.filter((f) => ids.includes(f.id));
  if (named.length === 0) {
    const known = [...IMPORT_SOURCES.map((app) => app.id), ...all.map((f) => f.id)];
    throw new ImportError(
      'IMPORT_UNRECOGNIZED',
      `There is no import format called “${name.slice(0, 40)}”. Known: ${[...new Set(known)].join(', ')}.`,
    );
  }
  return named;
}

async function parseAs(
  format: DetectableFormat,
  bytes: Uint8Array,
  text: string | undefined,
  options: DetectOptions,
): Promise<ImportParseResult[]> {
  try {
    return await withKdfBudget(() => format.parseAll(bytes, text, options));
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(
      'IMPORT_MALFORMED',
      `The file looks like ${format.id} but could not be read.`,
    );
  }
}

function detects(format: DetectableFormat, bytes: Uint8Array, text: string | undefined): boolean {
  try {
    return format.detect(bytes, text);
  } catch {
    return false;
  }
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
  const named = options.format ? formatsNamed(options.format) : [];
  const found = [...named, ...formatsForDetection()].find((f) => detects(f, bytes, text));
  if (found) return parseAs(found, bytes, text, options);
  // Nothing claims the file, but the person named its app: read it as that app's file.
  const forced = named.find((f) => f.id !== 'qr-image' && f.id !== 'otpauth-uri-list');
  if (forced) return parseAs(forced, bytes, text, options);
  throw unrecognized(text, options.fileName);
}
