import Database from 'better-sqlite3-multiple-ciphers';
import { SECRET2_B32, SECRET_B32 } from '../test-support/secrets';
import { SECRET_BYTES } from '../test-support/secrets';

function build(statements: string[], rows: [string, unknown[]][], wal = false): Uint8Array {
  const db = new Database(':memory:');
  for (const sql of statements) db.exec(sql);
  for (const [sql, values] of rows) db.prepare(sql).run(...values);
  const bytes = new Uint8Array(db.serialize());
  db.close();
  // Phones keep these databases in WAL mode: the header says so (bytes 18-19 = 2).
  if (wal) bytes[18] = bytes[19] = 2;
  return bytes;
}

/** Schema of com.google.android.apps.authenticator2 databases/databases. */
export function googleAuthenticatorDb(): Uint8Array {
  const insert =
    'INSERT INTO accounts (email, secret, counter, type, issuer, original_name) VALUES (?, ?, ?, ?, ?, ?)';
  return build(
    [
      'CREATE TABLE android_metadata (locale TEXT)',
      'CREATE TABLE accounts (_id INTEGER PRIMARY KEY, email TEXT NOT NULL, secret TEXT NOT NULL, counter INTEGER DEFAULT 0, type INTEGER, provider INTEGER DEFAULT 0, issuer TEXT DEFAULT NULL, original_name TEXT DEFAULT NULL)',
    ],
    [
      [insert, ['GitHub:alice', SECRET_B32, 0, 0, 'GitHub', 'GitHub:alice']],
      [insert, ['bob@example.com', SECRET2_B32.toLowerCase(), 9, 1, null, 'bob@example.com']],
      [insert, ['weird', SECRET2_B32, 0, 7, null, null]],
    ],
    true,
  );
}

/** The relevant part of com.azure.authenticator databases/PhoneFactor. */
export function microsoftAuthenticatorDb(): Uint8Array {
  const insert =
    'INSERT INTO accounts (name, username, oath_secret_key, account_type, cid) VALUES (?, ?, ?, ?, ?)';
  return build(
    [
      'CREATE TABLE accounts (_id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, username TEXT, oath_secret_key TEXT, account_type INTEGER, cid TEXT, ux_position INTEGER)',
    ],
    [
      [insert, ['GitHub', 'alice', SECRET_B32, 0, null]],
      [
        insert,
        ['Microsoft', 'carol@outlook.com', Buffer.from(SECRET_BYTES).toString('base64'), 1, 'cid'],
      ],
      [insert, ['Contoso', 'dave@contoso.com', '', 2, null]],
    ],
  );
}

/** Stratum's sqlite-net table (PascalCase columns). */
export function authenticatorProDb(): Uint8Array {
  const insert =
    'INSERT INTO "authenticator" ("Type", "Icon", "Issuer", "Username", "Secret", "Algorithm", "Digits", "Period", "Counter", "Ranking") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
  return build(
    [
      'CREATE TABLE "authenticator"("Type" integer, "Icon" varchar, "Issuer" varchar, "Username" varchar, "Secret" varchar primary key not null, "Pin" varchar, "Algorithm" integer, "Digits" integer, "Period" integer, "Counter" integer, "Ranking" integer, "CopyCount" integer)',
    ],
    [
      [insert, [2, 'google', 'Google', 'g@gmail.com', SECRET_B32, 0, 6, 30, 0, 0]],
      [insert, [1, null, 'VPN', null, SECRET2_B32, 2, 8, 30, 4, 1]],
    ],
  );
}

/**
 * A hostile copy of Google Authenticator's schema: `secret` is a generated column, an expression
 * the file chose that would run on every read.
 */
export function googleAuthenticatorDbWithGeneratedColumn(): Uint8Array {
  return build(
    [
      "CREATE TABLE accounts (_id INTEGER PRIMARY KEY, email TEXT NOT NULL, seed TEXT, secret TEXT GENERATED ALWAYS AS (upper(seed) || 'A') VIRTUAL, counter INTEGER DEFAULT 0, type INTEGER, issuer TEXT)",
    ],
    [['INSERT INTO accounts (email, seed, type) VALUES (?, ?, 0)', ['GitHub:alice', SECRET_B32]]],
  );
}
