import { z } from 'zod';
import type { ImportEntry } from '../../import-types';
import { toImportEntry } from '../shared/account';
import { defineFormat } from '../shared/define-format';
import { isRecord, parseShape, readJson, tryParseJson } from '../shared/json';

/**
 * Duo Mobile's internal `files/duokit/accounts.json` (rooted phone): a JSON array of accounts whose
 * `otpGenerator` holds the base32 secret, plus a counter for HOTP accounts.
 */

const FORMAT = 'Duo Mobile accounts.json';
const accountShape = z.object({
  name: z.string().nullish(),
  otpGenerator: z.object({ otpSecret: z.string(), counter: z.number().int().nullish() }),
});

function convert(value: unknown, index: number): ImportEntry {
  const parsed = accountShape.safeParse(value);
  if (!parsed.success)
    return {
      label: `Account ${index + 1}`,
      skipReason: 'This account has no code generator (push-only).',
    };
  const { name, otpGenerator } = parsed.data;
  const hotp = otpGenerator.counter !== null && otpGenerator.counter !== undefined;
  return toImportEntry({
    name,
    secret: otpGenerator.otpSecret,
    type: hotp ? 'hotp' : 'totp',
    counter: otpGenerator.counter,
  });
}

const isDuo = (value: unknown): boolean =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((a) => isRecord(a) && 'otpGenerator' in a);

export const duoFormat = defineFormat({
  id: 'duo',
  name: FORMAT,
  detect: (_bytes, text) => isDuo(tryParseJson(text)),
  async parse(_bytes, text) {
    const list = parseShape(z.array(z.unknown()), readJson(text, FORMAT), FORMAT);
    return { format: FORMAT, entries: list.map(convert) };
  },
});
