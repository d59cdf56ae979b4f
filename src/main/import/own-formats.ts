import { scanImageFile } from '../qr/scan-image';
import { sniffImage } from '../../shared/qr/image-sniff';
import { tesseraBackupFormat } from '../backup/backup-import';
import type { ImportFormat, ImportParseResult } from './import-types';
import { parsePayloads, payloadLines } from './payloads';

/**
 * Formats that may yield several parse results (Google Authenticator batches) implement this
 * instead of `parse`; the detector flattens them.
 */
export interface MultiImportFormat extends Omit<ImportFormat, 'parse'> {
  parseAll(bytes: Uint8Array, text: string | undefined): Promise<ImportParseResult[]>;
}

export const uriListFormat: MultiImportFormat = {
  id: 'otpauth-uri-list',
  detect: (_bytes, text) => text !== undefined && payloadLines(text).length > 0,
  parseAll: async (_bytes, text) => parsePayloads(payloadLines(text ?? ''), 'otpauth links'),
};

export const imageFormat: MultiImportFormat = {
  id: 'qr-image',
  detect: (bytes) => sniffImage(bytes) !== undefined,
  parseAll: async (bytes) => parsePayloads(await scanImageFile(bytes), 'QR code'),
};

export { tesseraBackupFormat };
