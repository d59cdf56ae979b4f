import { z } from 'zod';
import type { ImportEntry } from '../../import-types';
import { toImportEntry } from '../shared/account';
import { decodeBase64 } from '../shared/encoding';
import { defineFormat } from '../shared/define-format';
import { isRecord, jsonLooksLike, parseShape, readJson } from '../shared/json';

/**
 * Steam Guard secrets: a Steam Desktop Authenticator `.maFile` or the Steam app's own
 * `Steamguard-<id>` file (old layout: one account object; new layout: `{accounts: {id: {...}}}`).
 * `shared_secret` is the base64 key; codes are Steam's 5-character ones.
 */

const FORMAT = 'Steam Guard file';
const accountShape = z.object({ shared_secret: z.string(), account_name: z.string().nullish() });

function convert(value: unknown, index: number): ImportEntry {
  const parsed = accountShape.safeParse(value);
  if (!parsed.success)
    return {
      label: `Steam account ${index + 1}`,
      skipReason: 'This account has no shared secret.',
    };
  return toImportEntry({
    issuer: 'Steam',
    name: parsed.data.account_name ?? '',
    secret: decodeBase64(parsed.data.shared_secret, FORMAT, 'the shared secret'),
    type: 'steam',
  });
}

const isNewLayout = (v: Record<string, unknown>): boolean =>
  isRecord(v.accounts) &&
  Object.values(v.accounts).some((a) => isRecord(a) && 'shared_secret' in a);

export const steamFormat = defineFormat({
  id: 'steam',
  name: FORMAT,
  detect: (_bytes, text) =>
    jsonLooksLike(text, ['shared_secret']) || jsonLooksLike(text, ['accounts'], isNewLayout),
  async parse(_bytes, text) {
    const file = parseShape(z.record(z.string(), z.unknown()), readJson(text, FORMAT), FORMAT);
    const accounts =
      isRecord(file.accounts) && !('shared_secret' in file) ? Object.values(file.accounts) : [file];
    return { format: FORMAT, entries: accounts.map(convert) };
  },
});
