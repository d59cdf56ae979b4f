import type { ImportFormat } from '../import-types';
import { aegisFormat } from './aegis/aegis';
import { andOtpFormat } from './and-otp/and-otp';
import { authenticatorPlusFormat } from './authenticator-plus/authenticator-plus';
import { authenticatorProFormat } from './authenticator-pro/authenticator-pro';
import { authyFormat } from './authy/authy';
import { battleNetFormat } from './battle-net/battle-net';
import { bitwardenCsvFormat, bitwardenJsonFormat } from './bitwarden/bitwarden';
import {
  authenticatorProDbFormat,
  googleAuthenticatorDbFormat,
  microsoftAuthenticatorDbFormat,
} from './databases/phone-databases';
import { duoFormat } from './duo/duo';
import { enteFormat } from './ente/ente';
import { freeOtpBackupFormat } from './freeotp/freeotp-backup';
import { freeOtpPlusFormat } from './freeotp/freeotp-plus';
import { freeOtpXmlFormat } from './freeotp/freeotp-xml';
import { lastPassFormat } from './lastpass/lastpass';
import { protonFormat } from './proton/proton';
import { steamFormat } from './steam/steam';
import { totpAuthenticatorFormat } from './totp-authenticator/totp-authenticator';
import { twoFasFormat } from './two-fas/two-fas';

/**
 * Other authenticators' export formats, tried in order by content detection. Each detector looks
 * for its app's own keys or magic bytes, and the cross-format test checks that every fixture is
 * claimed by exactly one. Weak signatures go last: TOTP Authenticator's backup is bare base64 and
 * andOTP's encrypted backup has no magic at all.
 */
export const thirdPartyFormats: ImportFormat[] = [
  aegisFormat,
  twoFasFormat,
  enteFormat,
  protonFormat,
  bitwardenJsonFormat,
  bitwardenCsvFormat,
  lastPassFormat,
  authenticatorProFormat,
  freeOtpPlusFormat,
  freeOtpXmlFormat,
  freeOtpBackupFormat,
  steamFormat,
  authyFormat,
  battleNetFormat,
  duoFormat,
  googleAuthenticatorDbFormat,
  microsoftAuthenticatorDbFormat,
  authenticatorProDbFormat,
  authenticatorPlusFormat,
  totpAuthenticatorFormat,
  andOtpFormat,
];
