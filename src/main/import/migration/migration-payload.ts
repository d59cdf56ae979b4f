import type { AccountInput } from '../../../shared/account';
import { TesseraError } from '../../../shared/errors';
import { resolveAccountInput } from '../../../shared/resolve-account';
import { bytesToBase32 } from '../../../shared/secret';
import { ImportError, type ImportEntry, type ImportParseResult } from '../import-types';
import {
  ALGORITHM,
  DIGITS,
  MigrationPayloadType,
  OTP_TYPE,
  type MigrationPayload,
  type OtpParameters,
} from './migration-schema';

export const MIGRATION_PREFIX = 'otpauth-migration://';

function malformed(detail: string): ImportError {
  return new ImportError(
    'IMPORT_MALFORMED',
    `This Google Authenticator export code is damaged: ${detail}`,
  );
}

/**
 * The `data` parameter is standard base64 inside a URL. Scanners and chat apps often hand it back
 * with `+` turned into a space or percent-encoded, or in base64url: accept them all.
 */
export function migrationData(uri: string): Uint8Array {
  const match = /[?&]data=([^&#]*)/.exec(uri.trim());
  if (!match) throw malformed('it has no data.');
  let encoded: string;
  try {
    encoded = decodeURIComponent(match[1]!);
  } catch {
    throw malformed('its data has broken percent-encoding.');
  }
  const base64 = encoded
    .replace(/ /g, '+')
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .replace(/=+$/, '');
  if (base64 === '' || !/^[A-Za-z0-9+/]+$/.test(base64) || base64.length % 4 === 1) {
    throw malformed('its data is not valid base64.');
  }
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

function decodePayload(bytes: Uint8Array): MigrationPayload {
  try {
    const message = MigrationPayloadType.decode(bytes);
    return MigrationPayloadType.toObject(message, {
      longs: Number,
      enums: Number,
      defaults: true,
      arrays: true,
    }) as MigrationPayload;
  } catch {
    throw malformed('its data could not be decoded.');
  }
}

function labelOf(issuer: string, name: string): string {
  if (issuer && name) return `${issuer} (${name})`;
  return issuer || name || 'Unnamed account';
}

/** Google Authenticator stores "Issuer:name" in the name field when the issuer came in the label. */
function splitName(issuer: string, name: string): { issuer: string; name: string } {
  const colon = name.indexOf(':');
  if (colon < 0) return { issuer, name };
  const prefix = name.slice(0, colon).trim();
  if (issuer === '' || prefix === issuer)
    return { issuer: issuer || prefix, name: name.slice(colon + 1).trim() };
  return { issuer, name };
}

function toInput(p: OtpParameters): AccountInput | string {
  if (p.algorithm === ALGORITHM.MD5)
    return 'It uses the MD5 algorithm, which Tessera does not support.';
  const algorithm =
    ({ [ALGORITHM.SHA256]: 'SHA256', [ALGORITHM.SHA512]: 'SHA512' } as const)[p.algorithm] ??
    'SHA1';
  if (p.algorithm > ALGORITHM.MD5) return 'It uses an unknown algorithm.';
  if (p.digits > DIGITS.EIGHT) return 'It uses an unknown number of digits.';
  if (p.type > OTP_TYPE.TOTP) return 'It is neither time-based (TOTP) nor counter-based (HOTP).';
  if (!p.secret || p.secret.length === 0) return 'It has no secret key.';
  const { issuer, name } = splitName(p.issuer.trim(), p.name.trim());
  return {
    issuer,
    name,
    secret: bytesToBase32(p.secret),
    algorithm,
    digits: p.digits === DIGITS.EIGHT ? 8 : 6,
    type: p.type === OTP_TYPE.HOTP ? 'hotp' : 'totp',
    counter: p.type === OTP_TYPE.HOTP ? p.counter : undefined,
    period: p.type === OTP_TYPE.HOTP ? undefined : 30,
  };
}

function toEntry(p: OtpParameters): ImportEntry {
  const label = labelOf(p.issuer.trim(), p.name.trim());
  const input = toInput(p);
  if (typeof input === 'string') return { label, skipReason: input };
  try {
    return { label, draft: resolveAccountInput(input, { allowUnnamed: true }) };
  } catch (error) {
    if (error instanceof TesseraError) return { label, skipReason: error.message };
    throw error;
  }
}

/** Decodes one `otpauth-migration://offline?data=...` QR (one batch of a possibly larger export). */
export function parseMigrationUri(uri: string): ImportParseResult {
  if (!uri.trim().toLowerCase().startsWith(MIGRATION_PREFIX))
    throw malformed('it is not an otpauth-migration link.');
  const payload = decodePayload(migrationData(uri));
  if (payload.otpParameters.length === 0) throw malformed('it holds no accounts.');
  const size = Math.max(1, payload.batchSize);
  const index = Math.min(size, Math.max(0, payload.batchIndex) + 1);
  return {
    format: 'Google Authenticator export',
    entries: payload.otpParameters.map(toEntry),
    batch: { index, size, id: payload.batchId },
  };
}
