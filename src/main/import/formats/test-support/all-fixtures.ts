import { aegisEncrypted, aegisPlain } from '../aegis/fixtures';
import { andOtpEncrypted, andOtpPlain } from '../and-otp/fixtures';
import { authenticatorPlusZip } from '../authenticator-plus/fixtures';
import {
  authenticatorProEncrypted,
  authenticatorProJson,
  authenticatorProLegacyEncrypted,
} from '../authenticator-pro/fixtures';
import { authyEncrypted } from '../authy/fixtures';
import { battleNetPrefs } from '../battle-net/fixtures';
import {
  bitwardenAuthenticatorCsv,
  bitwardenCsv,
  bitwardenJson,
  bitwardenJsonSparse,
} from '../bitwarden/fixtures';
import {
  authenticatorProDb,
  googleAuthenticatorDb,
  microsoftAuthenticatorDb,
} from '../databases/fixtures';
import { duoAccounts } from '../duo/fixtures';
import { enteEncrypted } from '../ente/fixtures';
import { freeOtpBackup, freeOtpPlusJson, freeOtpTokensXml } from '../freeotp/fixtures';
import { lastPassJson, lastPassJsonSparse } from '../lastpass/fixtures';
import { protonEncrypted, protonPlain } from '../proton/fixtures';
import { steamMaFile, steamNewLayout } from '../steam/fixtures';
import { totpAuthenticatorBackup, totpAuthenticatorPrefs } from '../totp-authenticator/fixtures';
import { twoFasEncrypted, twoFasIos, twoFasPlain } from '../two-fas/fixtures';

export const FIXTURE_PASSWORD = 'fixture pw';

export interface Fixture {
  name: string;
  formatId: string;
  input: string | Uint8Array;
  /** True when the format's fixed KDF is slow enough (tens of MiB) to keep out of fuzz loops. */
  slowKdf?: boolean;
}

/** One sample of every variant of every format, for cross-format and fuzz tests. */
export async function allFixtures(): Promise<Fixture[]> {
  const p = FIXTURE_PASSWORD;
  return [
    { name: 'Aegis plain', formatId: 'aegis', input: aegisPlain() },
    { name: 'Aegis encrypted', formatId: 'aegis', input: aegisEncrypted(p) },
    { name: '2FAS plain', formatId: '2fas', input: twoFasPlain() },
    { name: '2FAS encrypted', formatId: '2fas', input: twoFasEncrypted(p) },
    { name: 'andOTP plain', formatId: 'andotp', input: andOtpPlain() },
    { name: 'andOTP encrypted', formatId: 'andotp', input: andOtpEncrypted(p) },
    { name: 'Bitwarden JSON', formatId: 'bitwarden-json', input: bitwardenJson() },
    { name: 'Bitwarden CSV', formatId: 'bitwarden-csv', input: bitwardenCsv() },
    { name: 'LastPass', formatId: 'lastpass', input: lastPassJson() },
    { name: 'LastPass sparse', formatId: 'lastpass', input: lastPassJsonSparse() },
    { name: 'Bitwarden JSON sparse', formatId: 'bitwarden-json', input: bitwardenJsonSparse() },
    {
      name: 'Bitwarden Authenticator CSV',
      formatId: 'bitwarden-csv',
      input: bitwardenAuthenticatorCsv(),
    },
    { name: '2FAS iOS', formatId: '2fas', input: twoFasIos() },
    { name: 'Ente encrypted', formatId: 'ente', input: await enteEncrypted(p) },
    { name: 'Proton plain', formatId: 'proton-authenticator', input: protonPlain() },
    {
      name: 'Proton encrypted',
      formatId: 'proton-authenticator',
      input: await protonEncrypted(p),
      slowKdf: true,
    },
    {
      name: 'Authenticator Pro JSON',
      formatId: 'authenticator-pro',
      input: authenticatorProJson(),
    },
    {
      name: 'Authenticator Pro encrypted',
      formatId: 'authenticator-pro',
      input: await authenticatorProEncrypted(p),
      slowKdf: true,
    },
    {
      name: 'Authenticator Pro legacy',
      formatId: 'authenticator-pro',
      input: authenticatorProLegacyEncrypted(p),
    },
    { name: 'FreeOTP+ JSON', formatId: 'freeotp-plus', input: freeOtpPlusJson() },
    { name: 'FreeOTP tokens.xml', formatId: 'freeotp-xml', input: freeOtpTokensXml() },
    { name: 'FreeOTP 2 backup', formatId: 'freeotp-backup', input: freeOtpBackup(p) },
    { name: 'Steam maFile', formatId: 'steam', input: steamMaFile() },
    { name: 'Steam new layout', formatId: 'steam', input: steamNewLayout() },
    { name: 'Authy encrypted', formatId: 'authy', input: authyEncrypted(p) },
    { name: 'Battle.net', formatId: 'battle-net', input: battleNetPrefs() },
    { name: 'Duo', formatId: 'duo', input: duoAccounts() },
    {
      name: 'Google Authenticator DB',
      formatId: 'google-authenticator-db',
      input: googleAuthenticatorDb(),
    },
    {
      name: 'Microsoft Authenticator DB',
      formatId: 'microsoft-authenticator-db',
      input: microsoftAuthenticatorDb(),
    },
    { name: 'Authenticator Pro DB', formatId: 'authenticator-pro-db', input: authenticatorProDb() },
    {
      name: 'Authenticator Plus zip',
      formatId: 'authenticator-plus',
      input: await authenticatorPlusZip(p),
    },
    {
      name: 'TOTP Authenticator backup',
      formatId: 'totp-authenticator',
      input: totpAuthenticatorBackup(p),
    },
    {
      name: 'TOTP Authenticator prefs',
      formatId: 'totp-authenticator',
      input: totpAuthenticatorPrefs(),
    },
  ];
}
