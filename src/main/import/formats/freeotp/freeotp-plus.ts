import { z } from 'zod';
import { defineFormat } from '../shared/define-format';
import { jsonLooksLike, parseShape, readJson } from '../shared/json';
import { convertFreeOtpToken } from './freeotp-token';

/** FreeOTP+ JSON export ("Export JSON"): `{tokens: [...], tokenOrder: [...]}`. */

const FORMAT = 'FreeOTP+ export';

export const freeOtpPlusFormat = defineFormat({
  id: 'freeotp-plus',
  name: FORMAT,
  detect: (_bytes, text) =>
    jsonLooksLike(text, ['tokens'], (v) => Array.isArray(v.tokens)) ||
    jsonLooksLike(text, ['tokenOrder', 'tokens']),
  async parse(_bytes, text) {
    const file = parseShape(
      z.object({ tokens: z.array(z.unknown()) }),
      readJson(text, FORMAT),
      FORMAT,
    );
    return {
      format: FORMAT,
      entries: file.tokens.map((token, i) => convertFreeOtpToken(token, i)),
    };
  },
});
