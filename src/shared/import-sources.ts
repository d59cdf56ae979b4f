/**
 * The apps Tessera imports from, for the "Import from…" list: how to make the export in that app,
 * and whether the file may be password-protected (then the import asks for the password).
 * `formatIds` name the importers (src/main/import/formats) that read the app's files. Detection is
 * by content and the picked app never restricts what a file is read as; but a file that nothing
 * recognises (andOTP's old encrypted backups have no header) is read as the picked app's.
 * The CLI takes the same ids: `tessera import --format <id>`.
 */
export interface ImportSource {
  id: string;
  name: string;
  /** The export can be protected by a password that the import will ask for. */
  canBeEncrypted: boolean;
  /** Short steps, in that app's words where possible. */
  howToExport: string;
  /** Set when the only way out is a file copied from a rooted Android phone. */
  needsRootedPhone?: boolean;
  formatIds: readonly string[];
}

export const IMPORT_SOURCES: readonly ImportSource[] = [
  {
    id: 'aegis',
    name: 'Aegis Authenticator',
    canBeEncrypted: true,
    howToExport:
      'Settings → Import & Export → Export → "Aegis (.JSON)". Keep encryption on and enter the vault password here, or export unencrypted.',
    formatIds: ['aegis'],
  },
  {
    id: '2fas',
    name: '2FAS Authenticator',
    canBeEncrypted: true,
    howToExport:
      'Settings → 2FAS Backup → Export to file. If you set a password there, enter it here.',
    formatIds: ['2fas'],
  },
  {
    id: 'bitwarden',
    name: 'Bitwarden (password manager or Bitwarden Authenticator)',
    canBeEncrypted: false,
    howToExport:
      'Vault → Export vault → file format ".json" or ".csv" (not "encrypted .json"). Delete the file after importing: it holds all your passwords.',
    formatIds: ['bitwarden-json', 'bitwarden-csv'],
  },
  {
    id: 'andotp',
    name: 'andOTP',
    canBeEncrypted: true,
    howToExport:
      'Menu → Backups → "Backup (encrypted)" (enter that password here) or "Backup (plain)". Old encrypted backups work too.',
    formatIds: ['andotp'],
  },
  {
    id: 'ente',
    name: 'Ente Auth',
    canBeEncrypted: true,
    howToExport:
      'Settings → Data → Export codes → "Encrypted" (choose a password and enter it here) or "Plain text".',
    formatIds: ['ente', 'otpauth-uri-list'],
  },
  {
    id: 'proton-authenticator',
    name: 'Proton Authenticator',
    canBeEncrypted: true,
    howToExport: 'Settings → Export. If you protected the export with a password, enter it here.',
    formatIds: ['proton-authenticator'],
  },
  {
    id: 'authenticator-pro',
    name: 'Stratum / Authenticator Pro',
    canBeEncrypted: true,
    howToExport:
      'Menu → Backup → "Backup to file" (with or without a password). A copy of databases/authenticator.db3 from a rooted phone also works.',
    formatIds: ['authenticator-pro', 'authenticator-pro-db'],
  },
  {
    id: 'freeotp-plus',
    name: 'FreeOTP+',
    canBeEncrypted: false,
    howToExport: 'Menu → Export → "Export JSON format".',
    formatIds: ['freeotp-plus', 'freeotp-xml'],
  },
  {
    id: 'freeotp',
    name: 'FreeOTP',
    canBeEncrypted: true,
    howToExport:
      'FreeOTP 2: Menu → Backup, then import the backup file with the password you chose. FreeOTP 1: copy shared_prefs/tokens.xml from a rooted phone.',
    formatIds: ['freeotp-backup', 'freeotp-xml'],
  },
  {
    id: 'steam',
    name: 'Steam Guard',
    canBeEncrypted: false,
    howToExport:
      "Steam Desktop Authenticator: turn its encryption off, then import the account's .maFile from the maFiles folder. Steam app: copy files/Steamguard-<id> from a rooted phone.",
    formatIds: ['steam'],
  },
  {
    id: 'lastpass',
    name: 'LastPass Authenticator',
    canBeEncrypted: false,
    howToExport: 'Settings → Transfer accounts → "Export accounts to file".',
    formatIds: ['lastpass'],
  },
  {
    id: 'google-authenticator',
    name: 'Google Authenticator',
    canBeEncrypted: false,
    howToExport:
      'Menu → Transfer accounts → Export accounts, then scan or screenshot each QR code into Tessera. From a rooted phone, databases/databases also works.',
    formatIds: ['google-authenticator-db', 'qr-image'],
  },
  {
    id: 'microsoft-authenticator',
    name: 'Microsoft Authenticator',
    canBeEncrypted: false,
    needsRootedPhone: true,
    howToExport:
      'The app has no export: copy databases/PhoneFactor from a rooted phone. Work or school accounts that only approve sign-ins have no code to import.',
    formatIds: ['microsoft-authenticator-db'],
  },
  {
    id: 'authy',
    name: 'Twilio Authy',
    canBeEncrypted: true,
    needsRootedPhone: true,
    howToExport:
      'Authy has no export: copy shared_prefs/com.authy.storage.tokens.authenticator.xml (and …tokens.authy.xml) from a rooted phone; enter your Authy backup password here if asked.',
    formatIds: ['authy'],
  },
  {
    id: 'totp-authenticator',
    name: 'TOTP Authenticator',
    canBeEncrypted: true,
    howToExport:
      'Settings → Backup → create a backup file. Enter its password here if you set one; leave it empty otherwise.',
    formatIds: ['totp-authenticator'],
  },
  {
    id: 'authenticator-plus',
    name: 'Authenticator Plus',
    canBeEncrypted: true,
    howToExport:
      'Settings → Backup & Restore → "Export as Text and HTML", then import the zip with your Authenticator Plus password.',
    formatIds: ['authenticator-plus'],
  },
  {
    id: 'duo',
    name: 'Duo Mobile',
    canBeEncrypted: false,
    needsRootedPhone: true,
    howToExport:
      'Duo has no export: copy files/duokit/accounts.json from a rooted phone. Duo push-only accounts have no code to import.',
    formatIds: ['duo'],
  },
  {
    id: 'battle-net',
    name: 'Battle.net Authenticator',
    canBeEncrypted: false,
    needsRootedPhone: true,
    howToExport:
      'Copy shared_prefs/com.blizzard.messenger.authenticator_preferences.xml from a rooted phone.',
    formatIds: ['battle-net'],
  },
  {
    id: 'otpauth-links',
    name: 'Any app: otpauth:// links or QR codes',
    canBeEncrypted: false,
    howToExport:
      'A text file with one otpauth:// link per line (e.g. Aegis "Plain text" export, Ente plain text), or screenshots of setup QR codes.',
    formatIds: ['otpauth-uri-list', 'qr-image'],
  },
];
