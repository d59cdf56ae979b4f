import { z } from 'zod';
import type { ImportEntry } from '../../import-types';
import { toImportEntry } from '../shared/account';
import { optionalInt, optionalText } from '../shared/lenient';
import { bytesFromNumbers } from '../shared/encoding';

/**
 * The token JSON that FreeOTP and FreeOTP+ share (in tokens.xml, FreeOTP+'s JSON export and
 * FreeOTP 2's backup): the secret is a Java byte[] (signed numbers); FreeOTP has no Steam type, so
 * as in Aegis a TOTP token whose issuer is "Steam" is taken as a Steam Guard token.
 */
export const freeOtpTokenShape = z.object({
  type: optionalText,
  algo: optionalText,
  digits: optionalInt,
  period: optionalInt,
  counter: optionalInt,
  issuerExt: optionalText,
  issuerAlt: optionalText,
  label: optionalText,
  labelAlt: optionalText,
  secret: z.array(z.number().int().min(-128).max(255)).nullish(),
});
export type FreeOtpToken = z.infer<typeof freeOtpTokenShape>;

export function convertFreeOtpToken(
  value: unknown,
  index: number,
  secret?: Uint8Array,
): ImportEntry {
  const parsed = freeOtpTokenShape.safeParse(value);
  if (!parsed.success)
    return { label: `Token ${index + 1}`, skipReason: 'This token is incomplete in the file.' };
  const t = parsed.data;
  const issuer = t.issuerAlt || t.issuerExt;
  const type = t.type?.toLowerCase() === 'totp' && issuer === 'Steam' ? 'steam' : t.type;
  return toImportEntry({
    issuer,
    name: t.labelAlt || t.label,
    secret: secret ?? (t.secret ? bytesFromNumbers(t.secret) : undefined),
    type,
    algorithm: t.algo,
    digits: t.digits,
    period: t.period,
    counter: t.counter,
  });
}
