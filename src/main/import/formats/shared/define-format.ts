import {
  ImportError,
  type ImportFormat,
  type ImportOptions,
  type ImportParseResult,
} from '../../import-types';

/** Exports bigger than this are not authenticator backups: refuse before any parsing work. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

export interface FormatDefinition {
  id: string;
  /** Human name used in error messages, e.g. "2FAS backup". */
  name: string;
  detect(bytes: Uint8Array, text: string | undefined): boolean;
  parse(
    bytes: Uint8Array,
    text: string | undefined,
    options: ImportOptions,
  ): Promise<ImportParseResult>;
}

/**
 * Wraps an importer so that it keeps the seam's promise whatever the bytes: `detect` never throws,
 * and `parse` throws nothing but ImportError. Anything unexpected becomes IMPORT_MALFORMED with a
 * fixed message, because a library's own message may quote the input.
 */
export function defineFormat(definition: FormatDefinition): ImportFormat {
  return {
    id: definition.id,
    detect(bytes, text) {
      if (bytes.length > MAX_IMPORT_BYTES) return false;
      try {
        return definition.detect(bytes, text);
      } catch {
        return false;
      }
    },
    async parse(bytes, text, options) {
      if (bytes.length > MAX_IMPORT_BYTES) {
        throw new ImportError(
          'IMPORT_TOO_LARGE',
          `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB; no authenticator export is that big.`,
        );
      }
      try {
        return await definition.parse(bytes, text, options);
      } catch (error) {
        if (error instanceof ImportError) throw error;
        throw new ImportError(
          'IMPORT_MALFORMED',
          `This ${definition.name} file could not be read; it may be damaged.`,
        );
      }
    },
  };
}
