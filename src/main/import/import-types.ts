import type { AccountDraft } from '../../shared/account';
import type { ImportedOrganisation } from '../../shared/organisation';
import { TesseraError } from '../../shared/errors';
import type { RecoveryCodeInput } from '../vault/recovery/recovery-code-repository';

/**
 * Every importer (QR payloads, backups, other authenticators' exports) produces the same shape,
 * which feeds one preview → confirm → all-or-nothing write flow.
 */
export interface ImportEntry {
  /** What the person sees to recognise the entry, e.g. "GitHub (alice@example.com)". Never a secret. */
  label: string;
  /** Present when the entry can be imported. */
  draft?: AccountDraft;
  /** Present when it cannot: why, in words a person understands. */
  skipReason?: string;
  /** Tags, favourite, note, order... as the source app had them, when it had any. */
  organisation?: ImportedOrganisation;
  /** Recovery codes that came with the account (Tessera backups). */
  recoveryCodes?: RecoveryCodeInput[];
}

export interface ImportParseResult {
  /** Human name of the detected format, e.g. "Aegis vault (encrypted)". */
  format: string;
  entries: ImportEntry[];
  /** For multi-part payloads such as Google Authenticator batches: "batch 2 of 3". */
  batch?: { index: number; size: number; id?: number };
}

export interface ImportOptions {
  password?: string;
}

export type ImportErrorCode =
  | 'IMPORT_UNRECOGNIZED'
  | 'IMPORT_PASSWORD_REQUIRED'
  | 'IMPORT_WRONG_PASSWORD'
  | 'IMPORT_TRUNCATED'
  | 'IMPORT_MALFORMED'
  | 'IMPORT_UNSUPPORTED_VERSION'
  | 'IMPORT_NO_QR_CODE'
  | 'IMPORT_NOT_OTP_QR'
  | 'IMPORT_UNSAFE_PARAMETERS'
  | 'IMPORT_TOO_LARGE'
  | 'IMPORT_NOT_AN_IMAGE';

/** The only error an importer may throw, whatever bytes it is given. */
export class ImportError extends TesseraError {
  constructor(code: ImportErrorCode, message: string) {
    super(code, message);
    this.name = 'ImportError';
  }
}

/** One format: `detect` looks at content only (never a file name); `parse` does the work. */
export interface ImportFormat {
  id: string;
  /** Cheap, side-effect-free sniffing. */
  detect(bytes: Uint8Array, text: string | undefined): boolean;
  parse(
    bytes: Uint8Array,
    text: string | undefined,
    options: ImportOptions,
  ): Promise<ImportParseResult>;
}
