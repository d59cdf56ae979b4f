import { ALGORITHMS, STEAM_DIGITS, type Algorithm } from '../../../../shared/account';
import { isTesseraError } from '../../../../shared/errors';
import { resolveAccountInput } from '../../../../shared/resolve-account';
import { bytesToBase32 } from '../../../../shared/secret';
import type { ImportedOrganisation } from '../../../../shared/organisation';
import type { ImportEntry } from '../../import-types';

/**
 * What an importer extracts from one account of another app, before validation. Every format maps
 * its own fields onto this, and `toImportEntry` alone decides whether Tessera can hold the account.
 */
export interface RawAccount {
  issuer?: string | null;
  name?: string | null;
  /** A base32 string (spaces, padding and lower case tolerated) or the raw key bytes. */
  secret?: string | Uint8Array | null;
  /** The app's own word for the kind of code: totp, hotp, steam, yandex, motp... any case. */
  type?: string | null;
  algorithm?: string | null;
  digits?: number | null;
  period?: number | null;
  counter?: number | null;
  /** Organisation the source app had (groups, favourite, note, its order); all optional. */
  tags?: string[];
  favourite?: boolean;
  note?: string | null;
  position?: number;
}

const TYPE_NAMES: Record<string, string> = {
  yandex: 'Yandex',
  yaotp: 'Yandex',
  motp: 'mOTP (Mobile-OTP)',
  mobile: 'mOTP (Mobile-OTP)',
  push: 'push-notification',
};

function clean(value: string | null | undefined): string {
  // Control characters are invalid in names; tabs and newlines from sloppy exports become spaces.
  return [...(value ?? '')]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || ch === '\u007f' ? ' ' : ch))
    .join('')
    .trim();
}

export function entryLabel(issuer: string, name: string): string {
  const label = issuer && name ? `${issuer} (${name})` : issuer || name || 'Unnamed account';
  return label.length > 120 ? `${label.slice(0, 117)}...` : label;
}

/** SHA1 / sha-256 / HmacSHA512 / SHA_512 → the Tessera name; undefined when absent. */
export function normalizeAlgorithm(
  value: string | null | undefined,
): Algorithm | 'unsupported' | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const compact = value
    .toUpperCase()
    .replace(/^HMAC/, '')
    .replace(/[-_\s]/g, '');
  return (ALGORITHMS as readonly string[]).includes(compact)
    ? (compact as Algorithm)
    : 'unsupported';
}

function unsupportedReason(raw: RawAccount, type: string): string | undefined {
  if (type !== 'totp' && type !== 'hotp' && type !== 'steam') {
    const kind = TYPE_NAMES[type] ?? `"${type.slice(0, 20)}"`;
    return `${kind} codes are not supported by Tessera (only TOTP, HOTP and Steam).`;
  }
  if (type !== 'steam' && normalizeAlgorithm(raw.algorithm) === 'unsupported') {
    return `It uses the ${clean(raw.algorithm).slice(0, 20)} algorithm; Tessera supports SHA1, SHA256 and SHA512.`;
  }
  if (
    type !== 'steam' &&
    raw.digits !== null &&
    raw.digits !== undefined &&
    (raw.digits < 6 || raw.digits > 8)
  ) {
    return `It has ${raw.digits} digits; Tessera supports 6, 7 or 8.`;
  }
  const secret = raw.secret;
  if (secret === null || secret === undefined || secret.length === 0)
    return 'It has no secret key.';
  return undefined;
}

function organisationOf(raw: RawAccount): ImportedOrganisation | undefined {
  const { tags, favourite, note, position } = raw;
  const carried = Object.entries({ tags, favourite, note: note ?? undefined, position });
  const present = carried.filter(([, value]) => value !== undefined);
  return present.length > 0 ? (Object.fromEntries(present) as ImportedOrganisation) : undefined;
}

/** Exporters write the literal `null` for a field they lack: it means absent, so the default applies. */
function withoutNullWords(raw: RawAccount): RawAccount {
  const out: RawAccount = { ...raw };
  for (const key of ['issuer', 'name', 'secret', 'type', 'algorithm'] as const) {
    const value = out[key];
    if (typeof value === 'string' && value.trim().toLowerCase() === 'null') out[key] = undefined;
  }
  return out;
}

/** One raw account → a preview entry: a draft when Tessera can hold it, else a reason in words. */
export function toImportEntry(given: RawAccount): ImportEntry {
  const raw = withoutNullWords(given);
  const issuer = clean(raw.issuer);
  const name = clean(raw.name);
  const label = entryLabel(issuer, name);
  const type = clean(raw.type).toLowerCase() || 'totp';
  const reason = unsupportedReason(raw, type);
  if (reason) return { label, skipReason: reason };

  const secret =
    typeof raw.secret === 'string' ? raw.secret : bytesToBase32(raw.secret as Uint8Array);
  const steam = type === 'steam';
  const algorithm = normalizeAlgorithm(raw.algorithm);
  try {
    const draft = resolveAccountInput(
      {
        issuer,
        name,
        secret,
        type: type as 'totp' | 'hotp' | 'steam',
        // Steam Guard is always SHA1, 5 characters, 30 s whatever the exporting app recorded.
        algorithm: steam || algorithm === 'unsupported' ? undefined : algorithm,
        digits: steam ? STEAM_DIGITS : (raw.digits ?? undefined),
        period: steam ? undefined : (raw.period ?? undefined),
        counter: type === 'hotp' ? (raw.counter ?? 0) : undefined,
      },
      { allowUnnamed: true },
    );
    const organisation = organisationOf(raw);
    return organisation ? { label, draft, organisation } : { label, draft };
  } catch (error) {
    if (isTesseraError(error)) return { label, skipReason: error.message };
    throw error;
  }
}
