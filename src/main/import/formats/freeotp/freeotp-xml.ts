import { readPreferenceStrings, looksLikePreferences } from '../shared/android-prefs';
import { defineFormat } from '../shared/define-format';
import { malformed } from '../shared/errors';
import { isRecord, tryParseJson } from '../shared/json';
import { convertFreeOtpToken } from './freeotp-token';

/**
 * FreeOTP (1.x) and FreeOTP+ internal `shared_prefs/tokens.xml`: one string preference per token
 * holding its JSON, plus `tokenOrder`.
 */

const FORMAT = 'FreeOTP tokens.xml';

function tokenValues(text: string): unknown[] | undefined {
  const prefs = readPreferenceStrings(text);
  if (!prefs) return undefined;
  const tokens = [...prefs]
    .filter(([name]) => name !== 'tokenOrder')
    .map(([, value]) => tryParseJson(value));
  const isToken = (v: unknown) =>
    isRecord(v) && 'secret' in v && ('issuerExt' in v || 'label' in v);
  return (prefs.has('tokenOrder') || tokens.some(isToken)) &&
    tokens.every((t) => t === undefined || isToken(t))
    ? tokens
    : undefined;
}

export const freeOtpXmlFormat = defineFormat({
  id: 'freeotp-xml',
  name: FORMAT,
  detect: (_bytes, text) => looksLikePreferences(text) && tokenValues(text) !== undefined,
  async parse(_bytes, text) {
    const tokens = text === undefined ? undefined : tokenValues(text);
    if (!tokens) throw malformed(FORMAT);
    return { format: FORMAT, entries: tokens.map((token, i) => convertFreeOtpToken(token, i)) };
  },
});
