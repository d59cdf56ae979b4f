import { z } from 'zod';
import type { AccountInput } from '../../../../shared/account';
import { parseOtpauthUriInput } from '../../../../shared/otpauth-uri';
import type { ImportEntry } from '../../import-types';
import { toImportEntry } from '../shared/account';
import { aesGcmDecryptAppended } from '../shared/cipher';
import { decodeBase64 } from '../shared/encoding';
import { defineFormat } from '../shared/define-format';
import { optionalInt, optionalText } from '../shared/lenient';
import { malformed, passwordRequired, unsupportedVersion, wrongPassword } from '../shared/errors';
import { jsonLooksLike, parseJsonStrict, parseShape, readJson } from '../shared/json';
import { pbkdf2 } from '../shared/kdf';

/**
 * 2FAS Authenticator backup (.2fas), Android and iOS, schema 1–4. Plain files list `services`;
 * encrypted ones carry `servicesEncrypted` = base64(ciphertext‖tag):base64(salt):base64(iv),
 * AES-256-GCM with a key from PBKDF2-HMAC-SHA256 (10 000 iterations), as Aegis's importer reads it.
 */

const FORMAT = '2FAS backup';
const PBKDF2_ITERATIONS = 10_000;
const MAX_SCHEMA = 4;

const otpShape = z
  .object({
    link: optionalText,
    account: optionalText,
    label: optionalText,
    issuer: optionalText,
    secret: optionalText,
    digits: optionalInt,
    period: optionalInt,
    algorithm: optionalText,
    counter: optionalInt,
    tokenType: optionalText,
  })
  .partial();
const serviceShape = otpShape.extend({
  name: optionalText,
  otp: otpShape.nullish().catch(undefined),
  // Organisation: an unreadable order or group is left out, the account still imports.
  order: z.object({ position: z.number().nullish() }).nullish().catch(undefined),
  groupId: optionalText,
});
const groupsShape = z.array(z.object({ id: z.string(), name: z.string() }));
const fileShape = z.object({
  schemaVersion: z.number().int(),
  groups: z.unknown(),
  services: z.array(z.unknown()).nullish(),
  servicesEncrypted: z.string().nullish(),
});

/** Group ids → names (plain at the top level, also in encrypted backups); unreadable = none. */
function groupNames(groups: unknown): Map<string, string> {
  const parsed = groupsShape.safeParse(groups);
  return new Map(parsed.success ? parsed.data.map((g) => [g.id, g.name]) : []);
}

/** The account a service's `otp.link` (older iOS exports) describes; empty when it has none. */
function fromLink(link: string | null | undefined): Partial<AccountInput> {
  if (!link) return {};
  try {
    return parseOtpauthUriInput(link);
  } catch {
    return {};
  }
}

/** "Issuer:account" labels: the part after the colon, when there is no `account`. */
function accountOf(label: string | null | undefined): string | undefined {
  if (!label) return undefined;
  const colon = label.indexOf(':');
  return colon >= 0 ? label.slice(colon + 1).trim() : label;
}

/**
 * The Android app writes every field in `otp`; the iOS app leaves some out or puts them on the
 * service itself, or only in `otp.link`. Each field is taken from the first place that has it.
 */
function convertService(value: unknown, index: number, groups: Map<string, string>): ImportEntry {
  const parsed = serviceShape.safeParse(value);
  if (!parsed.success)
    return { label: `Service ${index + 1}`, skipReason: 'This service is incomplete in the file.' };
  const service = parsed.data;
  const otp = service.otp ?? {};
  const link = fromLink(otp.link ?? service.link);
  const group = service.groupId ? groups.get(service.groupId) : undefined;
  const pick = <K extends keyof typeof otp>(key: K) => otp[key] ?? service[key] ?? undefined;
  return toImportEntry({
    issuer: service.name || pick('issuer') || link.issuer,
    name: pick('account') ?? accountOf(pick('label')) ?? link.name ?? '',
    secret: service.secret || otp.secret || link.secret,
    type: pick('tokenType') ?? link.type ?? 'totp',
    algorithm: pick('algorithm') ?? link.algorithm,
    digits: pick('digits') ?? link.digits,
    period: pick('period') ?? link.period,
    counter: pick('counter') ?? link.counter,
    ...(group ? { tags: [group] } : {}),
    ...(typeof service.order?.position === 'number' ? { position: service.order.position } : {}),
  });
}

async function decryptServices(encrypted: string, password: string): Promise<unknown> {
  const [data, salt, iv] = encrypted.split(':');
  if (data === undefined || salt === undefined || iv === undefined)
    throw malformed(FORMAT, 'the encrypted services are incomplete');
  const key = await pbkdf2(
    password,
    decodeBase64(salt, FORMAT, 'the salt'),
    PBKDF2_ITERATIONS,
    32,
    'sha256',
    FORMAT,
  );
  const plain = aesGcmDecryptAppended(
    key,
    decodeBase64(iv, FORMAT, 'the IV'),
    decodeBase64(data, FORMAT, 'the services'),
  );
  if (!plain) throw wrongPassword(FORMAT);
  return parseJsonStrict(Buffer.from(plain).toString('utf8'), FORMAT);
}

export const twoFasFormat = defineFormat({
  id: '2fas',
  name: FORMAT,
  detect: (_bytes, text) =>
    jsonLooksLike(text, ['schemaVersion'], (v) => 'services' in v || 'servicesEncrypted' in v),
  async parse(_bytes, text, options) {
    const file = parseShape(fileShape, readJson(text, FORMAT), FORMAT);
    if (file.schemaVersion > MAX_SCHEMA)
      throw unsupportedVersion(FORMAT, `schema ${file.schemaVersion}`);
    let services: unknown = file.services;
    let format = FORMAT;
    if (file.servicesEncrypted) {
      if (!options.password) throw passwordRequired(FORMAT);
      services = await decryptServices(file.servicesEncrypted, options.password);
      format = `${FORMAT} (encrypted)`;
    }
    const list = parseShape(z.array(z.unknown()), services ?? [], FORMAT);
    const groups = groupNames(file.groups);
    return { format, entries: list.map((service, i) => convertService(service, i, groups)) };
  },
});
