import { ImportError, type ImportErrorCode } from '../../import-types';

/**
 * Error constructors for importers. Messages name the format and the problem but never quote the
 * file's content: a JSON or crypto library's own message may echo bytes of the input (a secret).
 */
export function importError(code: ImportErrorCode, message: string): ImportError {
  return new ImportError(code, message);
}

export function malformed(format: string, detail?: string): ImportError {
  const suffix = detail ? `: ${detail}` : '.';
  return new ImportError(
    'IMPORT_MALFORMED',
    `This ${format} file is damaged or not in the expected layout${suffix}`,
  );
}

export function truncated(format: string): ImportError {
  return new ImportError(
    'IMPORT_TRUNCATED',
    `This ${format} file is cut short; export it again and retry.`,
  );
}

export function passwordRequired(format: string): ImportError {
  return new ImportError(
    'IMPORT_PASSWORD_REQUIRED',
    `This ${format} file is encrypted: enter the password it was exported with.`,
  );
}

export function wrongPassword(format: string): ImportError {
  return new ImportError(
    'IMPORT_WRONG_PASSWORD',
    `The password is wrong for this ${format} file (or the file was altered). Nothing was imported.`,
  );
}

export function unsupportedVersion(format: string, version: string | number): ImportError {
  return new ImportError(
    'IMPORT_UNSUPPORTED_VERSION',
    `This ${format} file uses version ${String(version).slice(0, 20)}, which Tessera cannot read yet.`,
  );
}

export function unsafeParameters(detail: string): ImportError {
  return new ImportError(
    'IMPORT_UNSAFE_PARAMETERS',
    `The file asks for key-derivation settings far beyond what the app that made it uses (${detail}); refusing to run them.`,
  );
}
