import { isTesseraError } from '../../../../shared/errors';
import { parseOtpauthUriInput } from '../../../../shared/otpauth-uri';
import type { ImportEntry } from '../../import-types';
import { parsePayloads, payloadLines } from '../../payloads';
import { entryLabel, toImportEntry, type RawAccount } from './account';

function labelFromUri(uri: string): string {
  try {
    const path = decodeURIComponent(new URL(uri).pathname.replace(/^\//, ''));
    const colon = path.indexOf(':');
    return entryLabel(
      colon >= 0 ? path.slice(0, colon).trim() : '',
      (colon >= 0 ? path.slice(colon + 1) : path).trim(),
    );
  } catch {
    return 'Unreadable link';
  }
}

/** One otpauth:// URI → a preview entry; a bad link becomes a skipped entry, not a failed import. */
export function uriToImportEntry(uri: string, overrides: Partial<RawAccount> = {}): ImportEntry {
  try {
    return toImportEntry({ ...parseOtpauthUriInput(uri), ...overrides });
  } catch (error) {
    if (isTesseraError(error)) return { label: labelFromUri(uri), skipReason: error.message };
    throw error;
  }
}

/**
 * A TOTP field as password managers store it: an otpauth:// URI, `steam://SECRET`, or a bare base32
 * secret (then the account's own name and issuer are used).
 */
export function otpFieldToImportEntry(
  value: string,
  fallback: { issuer?: string; name?: string },
): ImportEntry {
  const trimmed = value.trim();
  if (/^otpauth:\/\//i.test(trimmed)) {
    let input;
    try {
      input = parseOtpauthUriInput(trimmed);
    } catch (error) {
      if (isTesseraError(error))
        return {
          label: entryLabel(fallback.issuer ?? '', fallback.name ?? ''),
          skipReason: error.message,
        };
      throw error;
    }
    // A link without a label still belongs to the item it came from.
    return toImportEntry({
      ...input,
      issuer: input.issuer || fallback.issuer,
      name: input.name || (input.issuer ? '' : fallback.name),
    });
  }
  const steam = /^steam:\/\/(.*)$/i.exec(trimmed);
  if (steam)
    return toImportEntry({
      issuer: fallback.issuer || 'Steam',
      name: fallback.name,
      secret: steam[1],
      type: 'steam',
    });
  return toImportEntry({ issuer: fallback.issuer, name: fallback.name, secret: trimmed });
}

/**
 * Text holding one otpauth:// URI per line (decrypted Ente exports, Authenticator Plus's
 * Accounts.txt): the import flow's own URI-list reader does the work, so these lists behave exactly
 * like a plain URI-list file (other lines are ignored the same way). An empty list is no error here.
 */
export function uriLinesToEntries(text: string, format: string): ImportEntry[] {
  const lines = payloadLines(text);
  if (lines.length === 0) return [];
  return parsePayloads(lines, format).flatMap((result) => result.entries);
}
