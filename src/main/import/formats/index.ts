import type { ImportFormat } from '../import-types';
import { aegisFormat } from './aegis/aegis';
import { andOtpFormat } from './and-otp/and-otp';
import { authenticatorProFormat } from './authenticator-pro/authenticator-pro';
import { bitwardenCsvFormat, bitwardenJsonFormat } from './bitwarden/bitwarden';
import { authenticatorProDbFormat, googleAuthenticatorDbFormat, microsoftAuthenticatorDbFormat } from './databases/phone-databases';
import { enteFormat } from './ente/ente';
import { lastPassFormat } from './lastpass/lastpass';
import { protonFormat } from './proton/proton';
import { twoFasFormat } from './two-fas/two-fas';

/**
 * Other authenticators' export formats, tried in order by content detection. Formats with a clear
 * signature come first; andOTP's encrypted backup has no magic bytes at all, so it stays last.
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
  googleAuthenticatorDbFormat,
  microsoftAuthenticatorDbFormat,
  authenticatorProDbFormat,
  andOtpFormat,
];
