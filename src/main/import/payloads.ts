import { TesseraError } from '../../shared/errors';
import { withoutCaption } from '../../shared/payload-caption';
import { parseOtpauthUri, parseOtpauthUriInput } from '../../shared/otpauth-uri';
import { ImportError, type ImportEntry, type ImportParseResult } from './import-types';
import { MIGRATION_PREFIX, parseMigrationUri } from './migration/migration-payload';
import { enteCodeDisplay } from './formats/ente/code-display';

/** Why a scanned text is not something we can enrol, in the person's words. */
export function notOtpReason(text: string): string {
  const t = text.trim();
  if (/^https?:\/\//i.test(t))
    return 'This QR code is a web link, not an authenticator setup code.';
  if (/^WIFI:/i.test(t))
    return 'This QR code is for joining a Wi-Fi network, not an authenticator setup code.';
  if (/^(mailto:|tel:|sms:|geo:)/i.test(t))
    return 'This QR code is a contact or location link, not an authenticator setup code.';
  if (/^BEGIN:(VCARD|VEVENT|VCALENDAR)/i.test(t))
    return 'This QR code is a contact card or event, not an authenticator setup code.';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(t))
    return 'This QR code is a link for another app, not an authenticator setup code.';
  return 'This QR code holds plain text, not an authenticator setup code.';
}

function labelForUri(text: string): string {
  try {
    const input = parseOtpauthUriInput(text);
    const issuer = input.issuer ?? '';
    return issuer && input.name
      ? `${issuer} (${input.name})`
      : issuer || input.name || 'Unnamed account';
  } catch {
    return 'otpauth link';
  }
}

function uriEntry(text: string): ImportEntry {
  const label = labelForUri(text);
  try {
    const draft = parseOtpauthUri(text, { allowUnnamed: true });
    const organisation = enteCodeDisplay(text);
    return organisation ? { label, draft, organisation } : { label, draft };
  } catch (error) {
    if (error instanceof TesseraError) return { label, skipReason: error.message };
    throw error;
  }
}

export const isOtpauth = (text: string) => /^otpauth:\/\//i.test(text.trim());
export const isMigration = (text: string) => text.trim().toLowerCase().startsWith(MIGRATION_PREFIX);

/**
 * Turns decoded payloads (QR texts, or lines of a text file) into parse results: one per Google
 * Authenticator batch, one for all plain otpauth links. When nothing is an authenticator code,
 * the first reason becomes the error (e.g. a lone web link).
 */
export function parsePayloads(texts: string[], format: string): ImportParseResult[] {
  const results: ImportParseResult[] = [];
  const plain: ImportEntry[] = [];
  const others: string[] = [];
  for (const text of texts.map(withoutCaption)) {
    if (isMigration(text)) results.push(parseMigrationUri(text));
    else if (isOtpauth(text)) plain.push(uriEntry(text));
    else others.push(text);
  }
  if (plain.length > 0) results.unshift({ format, entries: plain });
  if (results.length === 0) {
    throw new ImportError('IMPORT_NOT_OTP_QR', notOtpReason(others[0] ?? ''));
  }
  return results;
}

/** A text file with one otpauth (or otpauth-migration) link per line; other lines are ignored. */
export function payloadLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map(withoutCaption)
    .filter((line) => isOtpauth(line) || isMigration(line));
}
