import Database from 'better-sqlite3-multiple-ciphers';
import {
  existsSync,
  openSync,
  readSync,
  closeSync,
  statSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { createHmac } from 'node:crypto';
import { TesseraError } from '../../shared/errors';
import type { Migration } from './migration';
import { rekeyLegacyCipher } from './rekey-legacy';

export type Db = Database.Database;

const PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenDatabaseOptions {
  file: string;
  /** 32-byte key for the page cipher. */
  key: Buffer;
  /** Non-secret value that identifies the key, kept beside the file to tell "wrong key" from "corrupt". */
  keyCheck: Buffer;
  migrations: readonly Migration[];
}

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    const read = readSync(fd, header, 0, 16, 0);
    return header.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function keyCheckFile(file: string): string {
  return `${file}.keycheck`;
}

function fingerprint(keyCheck: Buffer): string {
  return createHmac('sha256', keyCheck).update('tessera database key').digest('hex');
}

function unreadable(file: string, keyCheck: Buffer): TesseraError {
  const sidecar = keyCheckFile(file);
  if (existsSync(sidecar) && readFileSync(sidecar, 'utf8').trim() !== fingerprint(keyCheck)) {
    return new TesseraError(
      'DATABASE_WRONG_KEY',
      `The database ${file} was encrypted with a different master key than the one in the keychain. ` +
        'Restore the matching keychain entry (or pass the right --keychain-service / --key-file); the file was not modified.',
    );
  }
  return new TesseraError(
    'DATABASE_CORRUPT',
    `The database ${file} cannot be read: it is damaged or was written with another key. ` +
      'Restore it from a backup; the file was not modified.',
  );
}

function migrate(db: Db, file: string, list: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > list.length) {
    throw new TesseraError(
      'DATABASE_TOO_NEW',
      `The database ${file} was written by a newer Tessera (schema ${current}, this app knows ${list.length}). Update Tessera.`,
    );
  }
  const pending = list.slice(current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
}

/**
 * The page cipher of new databases: AEGIS-256 (SQLite3MultipleCiphers' `aegis`), an authenticated
 * cipher built on the CPU's AES round instructions, so a page that was tampered with fails to
 * read instead of decrypting to garbage. It is the cheapest of the ciphers measured per written
 * page (every commit writes pages, and the checkpoint writes them again): 8.5 µs per random-row
 * update against 12.2 µs for AES-256-CBC (unauthenticated)
 * and 14.2 µs for ChaCha20-Poly1305. Opening a connection runs its Argon2id key derivation once
 * (about 20 ms). Databases of earlier versions are re-encrypted with it when opened.
 */
export const DATABASE_CIPHER = 'aegis';
/** Ciphers of databases created by earlier versions, tried in order when the current one fails. */
const OLDER_CIPHERS = ['aes256cbc', 'chacha20'] as const;

/**
 * A connection keyed with the first cipher that reads the file (a new file gets the current one).
 * A wrong cipher or key reads as "not a database" and writes nothing, so trying is safe.
 */
function openWithKey(file: string, key: Buffer, keyCheck: Buffer, existed: boolean): Db {
  const ciphers = existed ? [DATABASE_CIPHER, ...OLDER_CIPHERS] : [DATABASE_CIPHER];
  for (const cipher of ciphers) {
    const db = new Database(file, { fileMustExist: existed });
    try {
      db.pragma(`cipher = '${cipher}'`);
      db.pragma(`hexkey='${key.toString('hex')}'`);
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      if (cipher !== DATABASE_CIPHER) rekeyLegacyCipher(db, key, DATABASE_CIPHER);
      return db;
    } catch (error) {
      db.close();
      if ((error as { code?: string }).code !== 'SQLITE_NOTADB') throw error;
    }
  }
  throw unreadable(file, keyCheck);
}

/**
 * Opens (or creates) the encrypted database: key first, then a read that proves the key is right,
 * then WAL and migrations. An existing file is never modified before it has been proven readable.
 */
export function openDatabase({ file, key, keyCheck, migrations: list }: OpenDatabaseOptions): Db {
  const existed = existsSync(file) && statSync(file).size > 0;
  if (existed && readHeader(file).equals(PLAINTEXT_HEADER)) {
    throw new TesseraError(
      'DATABASE_NOT_ENCRYPTED',
      `The database ${file} is not encrypted. Tessera refuses to use it; move it aside to start fresh.`,
    );
  }
  const db = openWithKey(file, key, keyCheck, existed);
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    // FULL: a COMMIT returns once the WAL is synced, so a power cut after an answer cannot bring a
    // spent code back (NORMAL survives kill -9 only). The MFA store's group commit makes one
    // fsync serve a batch of verifies.
    db.pragma('synchronous = FULL');
    // Up to 64 MiB of decrypted pages (allocated as used; a desktop vault stays far below it).
    // SQLite's 2 MiB default made every verify of a server with 100,000 users read and decrypt
    // its pages again: 247 µs of CPU per verify against 136 µs with this (npm run bench).
    db.pragma('cache_size = -65536');
    // Sorts and temporary tables stay in memory: never in a plaintext temporary file.
    db.pragma('temp_store = MEMORY');
    db.pragma('foreign_keys = ON');
    migrate(db, file, list);
    assertEncrypted(db, file);
    if (!existsSync(keyCheckFile(file)))
      writeFileSync(keyCheckFile(file), fingerprint(keyCheck) + '\n');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function assertEncrypted(db: Db, file: string): void {
  const cipher = db.pragma('cipher', { simple: true });
  if (statSync(file).size === 0) db.pragma('wal_checkpoint(TRUNCATE)');
  if (!cipher || readHeader(file).equals(PLAINTEXT_HEADER)) {
    throw new TesseraError(
      'DATABASE_NOT_ENCRYPTED',
      `Encryption is not active on ${file}; refusing to store secrets in it.`,
    );
  }
}
