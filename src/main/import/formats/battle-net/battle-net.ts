import { toImportEntry } from '../shared/account';
import { looksLikePreferences, readPreferenceStrings } from '../shared/android-prefs';
import { decodeHex } from '../shared/encoding';
import { defineFormat } from '../shared/define-format';
import { malformed } from '../shared/errors';

/**
 * Battle.net app's `shared_prefs/com.blizzard.messenger.authenticator_preferences.xml` (rooted
 * phone): serial and device secret are hex strings XOR-masked with a fixed key (as Aegis's
 * BattleNetImporter unmasks them); codes are 8-digit SHA1 TOTP.
 */

const FORMAT = 'Battle.net authenticator preferences';
const SECRET_KEY = 'com.blizzard.messenger.AUTHENTICATOR_DEVICE_SECRET';
const SERIAL_KEY = 'com.blizzard.messenger.AUTHENTICATOR_SERIAL';
const MASK = Buffer.from(
  '398e27fc50276a656065b0e525f4c06c04c61075286b8e7aeda59da9813b5dd6c80d2fb38068773fa59ba47c17ca6c6479015c1d5b8b8f6b9a',
  'hex',
);

/** Unmasks (or masks: XOR is its own inverse) a stored value. */
export function battleNetUnmask(hex: string): string {
  const bytes = decodeHex(hex, FORMAT, 'a stored value');
  if (bytes.length > MASK.length) throw malformed(FORMAT, 'a stored value is too long');
  return Buffer.from(bytes.map((b, i) => b ^ (MASK[i] as number))).toString('latin1');
}

export function battleNetMask(plain: string): string {
  return Buffer.from(Buffer.from(plain, 'latin1').map((b, i) => b ^ (MASK[i] as number))).toString(
    'hex',
  );
}

export const battleNetFormat = defineFormat({
  id: 'battle-net',
  name: FORMAT,
  detect: (_bytes, text) => looksLikePreferences(text) && text.includes(SECRET_KEY),
  async parse(_bytes, text) {
    const prefs = text === undefined ? undefined : readPreferenceStrings(text);
    const secret = prefs?.get(SECRET_KEY);
    if (!prefs || secret === undefined) throw malformed(FORMAT, 'it holds no authenticator secret');
    const serial = prefs.get(SERIAL_KEY);
    const entry = toImportEntry({
      issuer: 'Battle.net',
      name: serial ? battleNetUnmask(serial) : '',
      secret: decodeHex(battleNetUnmask(secret), FORMAT, 'the secret'),
      digits: 8,
    });
    return { format: FORMAT, entries: [entry] };
  },
});
