import { z } from 'zod';
import type { ImportEntry } from '../../import-types';
import { csvRecords, parseCsv } from '../shared/csv';
import { defineFormat } from '../shared/define-format';
import { optionalText } from '../shared/lenient';
import { importError, truncated } from '../shared/errors';
import { isRecord, jsonLooksLike, parseShape, readJson } from '../shared/json';
import { otpFieldToImportEntry } from '../shared/uri-list';

/**
 * Bitwarden exports (password manager and Bitwarden Authenticator): unencrypted JSON with
 * `items[].login.totp`, and the CSV with a `login_totp` column. The TOTP field holds an otpauth://
 * link, `steam://SECRET` or a bare base32 secret. Items without a TOTP are passwords only and are
 * not authenticator entries, so they are left out rather than listed as skipped.
 */

const FORMAT = 'Bitwarden export';

const itemShape = z.object({
  name: optionalText,
  login: z.object({ username: optionalText, totp: optionalText }).nullish().catch(undefined),
});
const jsonShape = z.object({ items: z.array(z.unknown()) });

/** Older exports and some tools write no `encrypted` key: items with a `login` still say Bitwarden. */
function isBitwardenJson(v: Record<string, unknown>): boolean {
  if ('encKeyValidation_DO_NOT_EDIT' in v) return true;
  if (!Array.isArray(v.items)) return false;
  return 'encrypted' in v || v.items.some((item) => isRecord(item) && isRecord(item.login));
}

function fromItems(items: unknown[]): ImportEntry[] {
  const entries: ImportEntry[] = [];
  items.forEach((value, index) => {
    const parsed = itemShape.safeParse(value);
    if (!parsed.success) {
      entries.push({
        label: `Item ${index + 1}`,
        skipReason: 'This item is incomplete in the file.',
      });
      return;
    }
    const totp = parsed.data.login?.totp?.trim();
    if (!totp) return;
    entries.push(
      otpFieldToImportEntry(totp, {
        issuer: parsed.data.name ?? '',
        name: parsed.data.login?.username ?? '',
      }),
    );
  });
  return entries;
}

export const bitwardenJsonFormat = defineFormat({
  id: 'bitwarden-json',
  name: FORMAT,
  detect: (_bytes, text) =>
    jsonLooksLike(text, ['encrypted'], isBitwardenJson) ||
    jsonLooksLike(text, ['items'], isBitwardenJson),
  async parse(_bytes, text) {
    const file = readJson(text, FORMAT);
    const encrypted =
      typeof file === 'object' &&
      file !== null &&
      (file as Record<string, unknown>).encrypted === true;
    if (encrypted) {
      throw importError(
        'IMPORT_UNSUPPORTED_VERSION',
        'This Bitwarden export is encrypted. In Bitwarden, export the vault again as ".json" (not "encrypted .json") and import that file, then delete it.',
      );
    }
    return {
      format: `${FORMAT} (JSON)`,
      entries: fromItems(parseShape(jsonShape, file, FORMAT).items),
    };
  },
});

function csvHeader(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return firstLine.split(',').map((cell) => cell.trim().replace(/^"|"$/g, ''));
}

export const bitwardenCsvFormat = defineFormat({
  id: 'bitwarden-csv',
  name: 'Bitwarden CSV export',
  detect: (_bytes, text) => {
    const header = csvHeader(text);
    // Bitwarden Authenticator's CSV and organisation exports have other columns around it.
    return header !== undefined && header.includes('login_totp');
  },
  async parse(_bytes, text) {
    const { rows, unterminated } = parseCsv(text ?? '');
    if (unterminated) throw truncated('Bitwarden CSV export');
    const entries: ImportEntry[] = [];
    for (const record of csvRecords(rows)) {
      const totp = record.login_totp?.trim();
      if (totp)
        entries.push(
          otpFieldToImportEntry(totp, {
            issuer: record.name ?? '',
            name: record.login_username ?? '',
          }),
        );
    }
    return { format: 'Bitwarden export (CSV)', entries };
  },
});
