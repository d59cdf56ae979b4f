import { ALGORITHMS, STEAM_DIGITS, type AccountDraft, type AccountInput } from './account';
import { TesseraError } from './errors';
import { resolveAccountInput, type ResolveOptions } from './resolve-account';

/**
 * Key Uri Format codec (github.com/google/google-authenticator/wiki/Key-Uri-Format) with the
 * common extensions: `otpauth://steam/...` and `encoder=steam` for Steam Guard codes.
 */

function invalid(message: string): TesseraError {
  return new TesseraError('INVALID_URI', message);
}

function decodeComponent(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw invalid('The link has broken percent-encoding in its label.');
  }
}

function parseInteger(value: string | null, what: string): number | undefined {
  if (value === null || value === '') return undefined;
  if (!/^\d{1,16}$/.test(value))
    throw invalid(`The link's ${what} "${value.slice(0, 20)}" is not a whole number.`);
  return Number(value);
}

/**
 * The query's parameters as the Key URI Format's readers take them: names in any case, the first
 * of a repeated parameter wins, and an empty value or the literal `null` (what some exporters
 * write for a field they lack) counts as absent, so the default applies.
 */
function firstValues(search: URLSearchParams): (name: string) => string | null {
  const values = new Map<string, string>();
  for (const [key, value] of search) {
    const name = key.toLowerCase();
    if (!values.has(name)) values.set(name, value.trim());
  }
  return (name) => {
    const value = values.get(name);
    return value === undefined || value === '' || value.toLowerCase() === 'null' ? null : value;
  };
}

/** Parses an otpauth:// URI into raw account input (not yet validated as an account). */
export function parseOtpauthUriInput(text: string): AccountInput {
  const trimmed = text.trim();
  if (!/^otpauth:\/\//i.test(trimmed)) {
    throw invalid('This is not an otpauth:// link.');
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw invalid('The otpauth:// link is malformed.');
  }
  const host = url.hostname.toLowerCase();
  if (host !== 'totp' && host !== 'hotp' && host !== 'steam') {
    throw invalid(`The link's type "${host.slice(0, 20)}" is not totp, hotp or steam.`);
  }
  const param = firstValues(url.searchParams);
  const secret = param('secret');
  if (secret === null || secret.trim() === '') throw invalid('The link has no secret.');

  // The raw label, not url.pathname: URL parsing would drop "." and ".." labels as dot segments.
  const label = decodeComponent(/^otpauth:\/\/[^/?#]*\/?([^?#]*)/i.exec(trimmed)?.[1] ?? '');
  const issuerParam = param('issuer');
  // An issuer that itself holds a colon is recognised by the parameter, not the first colon.
  const colon =
    issuerParam !== null && issuerParam !== '' && label.startsWith(`${issuerParam}:`)
      ? issuerParam.length
      : label.indexOf(':');
  const labelIssuer = colon >= 0 ? label.slice(0, colon).trim() : '';
  const name = (colon >= 0 ? label.slice(colon + 1) : label).trim();
  const issuer = (issuerParam ?? labelIssuer).trim();

  const digits = parseInteger(param('digits'), 'digits');
  // Apps without a Steam type write Steam Guard as a 5-digit TOTP link from issuer Steam.
  const steamByDigits = host === 'totp' && digits === STEAM_DIGITS && /^steam$/i.test(issuer);
  const steam = host === 'steam' || param('encoder')?.toLowerCase() === 'steam' || steamByDigits;
  const type = steam ? 'steam' : host;
  const algorithmParam = param('algorithm');
  const algorithm =
    algorithmParam === null ? undefined : algorithmParam.toUpperCase().replace('-', '');
  if (algorithm !== undefined && !(ALGORITHMS as readonly string[]).includes(algorithm)) {
    throw invalid(
      `The link's algorithm "${algorithmParam?.slice(0, 20)}" is not supported (SHA1, SHA256, SHA512).`,
    );
  }
  const counter = parseInteger(param('counter'), 'counter');
  if (type === 'hotp' && counter === undefined) throw invalid('An hotp link must have a counter.');
  return {
    issuer,
    name,
    secret,
    type,
    algorithm: algorithm as AccountInput['algorithm'],
    digits: steam ? STEAM_DIGITS : digits,
    period: parseInteger(param('period'), 'period'),
    counter,
  };
}

/** Parses and validates: the result is ready to store. Throws INVALID_URI or VALIDATION_FAILED. */
export function parseOtpauthUri(text: string, options: ResolveOptions = {}): AccountDraft {
  return resolveAccountInput(parseOtpauthUriInput(text), options);
}

export function formatOtpauthUri(account: AccountDraft): string {
  const host = account.type === 'hotp' ? 'hotp' : 'totp';
  // Without an issuer, a name holding a colon gets an empty issuer prefix so it is not split.
  const label = account.issuer
    ? `${encodeURIComponent(account.issuer)}:${encodeURIComponent(account.name)}`
    : `${account.name.includes(':') ? ':' : ''}${encodeURIComponent(account.name)}`;
  const query = new URLSearchParams({ secret: account.secret });
  if (account.issuer) query.set('issuer', account.issuer);
  query.set('algorithm', account.algorithm);
  query.set('digits', String(account.digits));
  if (account.type === 'hotp') query.set('counter', String(account.counter));
  else query.set('period', String(account.period));
  if (account.type === 'steam') query.set('encoder', 'steam');
  // URLSearchParams writes spaces as '+', which some authenticators keep literally.
  return `otpauth://${host}/${label}?${query.toString().replace(/\+/g, '%20')}`;
}
