import { z } from 'zod';
import type { ImportEntry } from '../../import-types';
import { toImportEntry } from '../shared/account';
import { defineFormat } from '../shared/define-format';
import { optionalInt, optionalText } from '../shared/lenient';
import { unsupportedVersion } from '../shared/errors';
import { isRecord, jsonLooksLike, parseShape, readJson } from '../shared/json';

/**
 * LastPass Authenticator JSON export ("Export accounts to file", format version 3): `accounts[]`
 * with issuerName, userName, base32 secret, timeStep, digits and algorithm.
 */

const FORMAT = 'LastPass Authenticator export';
const MAX_VERSION = 3;

const accountShape = z.object({
  issuerName: optionalText,
  originalIssuerName: optionalText,
  userName: optionalText,
  originalUserName: optionalText,
  secret: optionalText,
  timeStep: optionalInt,
  digits: optionalInt,
  algorithm: optionalText,
});
const fileShape = z.object({
  version: optionalInt,
  accounts: z.array(z.unknown()),
});

function convert(value: unknown, index: number): ImportEntry {
  const parsed = accountShape.safeParse(value);
  if (!parsed.success)
    return { label: `Account ${index + 1}`, skipReason: 'This account is incomplete in the file.' };
  const a = parsed.data;
  return toImportEntry({
    issuer: a.issuerName || a.originalIssuerName,
    name: a.userName || a.originalUserName,
    secret: a.secret,
    algorithm: a.algorithm,
    digits: a.digits,
    period: a.timeStep,
  });
}

/** LastPass's own keys: exports from other versions lack some (timeStep, deviceSecret) or add more. */
const LASTPASS_KEYS = ['issuerName', 'originalIssuerName', 'userName', 'originalUserName'];
const isLastPass = (v: Record<string, unknown>): boolean =>
  Array.isArray(v.accounts) &&
  ('deviceSecret' in v ||
    v.accounts.some((a) => isRecord(a) && 'secret' in a && LASTPASS_KEYS.some((key) => key in a)));

export const lastPassFormat = defineFormat({
  id: 'lastpass',
  name: FORMAT,
  detect: (_bytes, text) =>
    jsonLooksLike(text, ['accounts'], isLastPass) ||
    jsonLooksLike(text, ['accounts', 'deviceSecret']),
  async parse(_bytes, text) {
    const file = parseShape(fileShape, readJson(text, FORMAT), FORMAT);
    if (typeof file.version === 'number' && file.version > MAX_VERSION)
      throw unsupportedVersion(FORMAT, file.version);
    return { format: FORMAT, entries: file.accounts.map(convert) };
  },
});
