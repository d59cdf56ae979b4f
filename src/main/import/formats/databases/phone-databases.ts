import type Database from 'better-sqlite3-multiple-ciphers';
import type { ImportEntry } from '../../import-types';
import { toImportEntry } from '../shared/account';
import { convertAuthenticatorProRow } from '../authenticator-pro/authenticator-pro';
import { defineFormat } from '../shared/define-format';
import { decodeBase64 } from '../shared/encoding';
import { malformed } from '../shared/errors';
import {
  columnNames,
  integer,
  sqliteSchemaMentions,
  tableNames,
  text,
  withSqlite,
  type Row,
} from '../shared/sqlite';

/**
 * Apps' internal SQLite databases, copied from a rooted phone (as Aegis's "import from app" reads
 * them): Google Authenticator `databases/databases`, Microsoft Authenticator
 * `databases/PhoneFactor`, Stratum / Authenticator Pro `databases/authenticator.db3`.
 */

function requireColumns(
  db: Database.Database,
  table: string,
  columns: string[],
  format: string,
): void {
  if (!tableNames(db).has(table)) throw malformed(format, `it has no "${table}" table`);
  const present = columnNames(db, table);
  const missing = columns.find((c) => !present.has(c));
  if (missing) throw malformed(format, `the "${table}" table has no "${missing}" column`);
}

const GOOGLE = 'Google Authenticator database';
const GOOGLE_TYPES: Record<number, string> = { 0: 'totp', 1: 'hotp' };

function googleEntry(row: Row): ImportEntry {
  // Old versions stored "Issuer:name" in email; newer ones add an issuer column.
  const email = text(row.email);
  const colon = email.indexOf(':');
  const issuer = text(row.issuer) || (colon >= 0 ? email.slice(0, colon) : '');
  const name = colon >= 0 ? email.slice(colon + 1) : email;
  const type = integer(row.type) ?? 0;
  return toImportEntry({
    issuer,
    name,
    secret: text(row.secret),
    type: GOOGLE_TYPES[type] ?? `type ${type}`,
    counter: integer(row.counter),
  });
}

export const googleAuthenticatorDbFormat = defineFormat({
  id: 'google-authenticator-db',
  name: GOOGLE,
  detect: (bytes) =>
    sqliteSchemaMentions(bytes, 'accounts', 'email', 'secret') &&
    !sqliteSchemaMentions(bytes, 'oath_secret_key'),
  async parse(bytes) {
    const entries = withSqlite(bytes, GOOGLE, (db) => {
      requireColumns(db, 'accounts', ['email', 'secret', 'type'], GOOGLE);
      const hasIssuer = columnNames(db, 'accounts').has('issuer');
      const issuer = hasIssuer ? ', issuer AS issuer' : '';
      const rows = db
        .prepare(
          `SELECT email AS email, secret AS secret, counter AS counter, type AS type${issuer} FROM accounts ORDER BY _id`,
        )
        .all() as Row[];
      return rows.map(googleEntry);
    });
    return { format: GOOGLE, entries };
  },
});

const MICROSOFT = 'Microsoft Authenticator database';
const MS_TOTP = 0;
const MS_PERSONAL = 1;

function microsoftEntry(row: Row): ImportEntry {
  const type = integer(row.account_type);
  const issuer = text(row.name);
  const name = text(row.username);
  const secret = text(row.oath_secret_key);
  if (type === MS_TOTP) return toImportEntry({ issuer, name, secret });
  if (type === MS_PERSONAL && secret) {
    // Personal Microsoft accounts keep a base64 secret and show 8-digit codes.
    return toImportEntry({
      issuer: issuer || 'Microsoft',
      name,
      secret: decodeBase64(secret, MICROSOFT, 'a secret'),
      digits: 8,
    });
  }
  return toImportEntry({ issuer, name, secret: '', type: 'push' });
}

export const microsoftAuthenticatorDbFormat = defineFormat({
  id: 'microsoft-authenticator-db',
  name: MICROSOFT,
  detect: (bytes) => sqliteSchemaMentions(bytes, 'accounts', 'oath_secret_key'),
  async parse(bytes) {
    const entries = withSqlite(bytes, MICROSOFT, (db) => {
      requireColumns(
        db,
        'accounts',
        ['name', 'username', 'oath_secret_key', 'account_type'],
        MICROSOFT,
      );
      const rows = db
        .prepare(
          'SELECT name AS name, username AS username, oath_secret_key AS oath_secret_key, account_type AS account_type FROM accounts',
        )
        .all() as Row[];
      return rows.map(microsoftEntry);
    });
    return { format: MICROSOFT, entries };
  },
});

const STRATUM = 'Stratum / Authenticator Pro database';
const STRATUM_COLUMNS = [
  'type',
  'issuer',
  'username',
  'secret',
  'algorithm',
  'digits',
  'period',
  'counter',
];

export const authenticatorProDbFormat = defineFormat({
  id: 'authenticator-pro-db',
  name: STRATUM,
  detect: (bytes) =>
    sqliteSchemaMentions(bytes, 'authenticator', 'Secret') ||
    sqliteSchemaMentions(bytes, 'authenticator', 'secret'),
  async parse(bytes) {
    const entries = withSqlite(bytes, STRATUM, (db) => {
      requireColumns(db, 'authenticator', STRATUM_COLUMNS, STRATUM);
      const rows = db
        .prepare(
          `SELECT ${STRATUM_COLUMNS.map((c) => `${c} AS ${c}`).join(', ')} FROM authenticator`,
        )
        .all() as Row[];
      return rows.map((row) =>
        convertAuthenticatorProRow({
          type: integer(row.type) ?? 0,
          issuer: text(row.issuer),
          username: text(row.username),
          secret: text(row.secret),
          algorithm: integer(row.algorithm) ?? 0,
          digits: integer(row.digits) ?? 6,
          period: integer(row.period) ?? 30,
          counter: integer(row.counter) ?? 0,
        }),
      );
    });
    return { format: STRATUM, entries };
  },
});
