import { thirdPartyFormats } from './formats';
import type { ImportFormat, ImportOptions, ImportParseResult } from './import-types';
import {
  imageFormat,
  tesseraBackupFormat,
  uriListFormat,
  type MultiImportFormat,
} from './own-formats';

export interface DetectableFormat {
  id: string;
  detect: ImportFormat['detect'];
  parseAll(
    bytes: Uint8Array,
    text: string | undefined,
    options: ImportOptions,
  ): Promise<ImportParseResult[]>;
}

const single = (format: ImportFormat): DetectableFormat => ({
  id: format.id,
  detect: format.detect,
  parseAll: async (bytes, text, options) => [await format.parse(bytes, text, options)],
});

const multi = (format: MultiImportFormat): DetectableFormat => ({
  id: format.id,
  detect: format.detect,
  parseAll: (bytes, text) => format.parseAll(bytes, text),
});

/**
 * Our own formats first (a Tessera backup, otpauth links, QR images), then the other apps'
 * formats in their registry's order. Read at call time so late registrations count.
 */
export function formatsForDetection(): DetectableFormat[] {
  return [
    single(tesseraBackupFormat),
    multi(uriListFormat),
    multi(imageFormat),
    ...thirdPartyFormats.map(single),
  ];
}
