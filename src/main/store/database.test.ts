import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_CIPHER, openDatabase } from './database';
import type { Migration } from './migration';
import { migrations } from './migrations';
import { errorCodeOf } from '../testing/errors';

let dir: string;
let file: string;
const key = randomBytes(32);
const keyCheck = randomBytes(32);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tessera-db-'));
  file = join(dir, 'tessera.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openDatabase', () => {
  it('creates an encrypted file in WAL mode with every migration applied', () => {
    const db = openDatabase({ file, key, keyCheck, migrations });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.pragma('cipher', { simple: true })).toBeTruthy();
    db.close();
    expect(readFileSync(file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  });

  it('refuses a wrong key as DATABASE_WRONG_KEY and leaves the file untouched', () => {
    openDatabase({ file, key, keyCheck, migrations }).close();
    const before = readFileSync(file);
    expect(
      errorCodeOf(() =>
        openDatabase({ file, key: randomBytes(32), keyCheck: randomBytes(32), migrations }),
      ),
    ).toBe('DATABASE_WRONG_KEY');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a damaged file as DATABASE_CORRUPT and leaves it untouched', () => {
    openDatabase({ file, key, keyCheck, migrations }).close();
    const garbage = randomBytes(8192);
    writeFileSync(file, garbage);
    expect(errorCodeOf(() => openDatabase({ file, key, keyCheck, migrations }))).toBe(
      'DATABASE_CORRUPT',
    );
    expect(readFileSync(file).equals(garbage)).toBe(true);
  });

  it('refuses a plaintext SQLite file', () => {
    const plain = new Database(file);
    plain.exec('CREATE TABLE t (x)');
    plain.close();
    expect(errorCodeOf(() => openDatabase({ file, key, keyCheck, migrations }))).toBe(
      'DATABASE_NOT_ENCRYPTED',
    );
  });

  it('refuses a database written by a newer app and does not migrate it', () => {
    const future: Migration = {
      version: migrations.length + 1,
      name: 'future',
      up: (db) => db.exec('CREATE TABLE future (x)'),
    };
    openDatabase({ file, key, keyCheck, migrations: [...migrations, future] }).close();
    expect(errorCodeOf(() => openDatabase({ file, key, keyCheck, migrations }))).toBe(
      'DATABASE_TOO_NEW',
    );
  });

  it('rolls back every pending migration when one fails', () => {
    const broken: Migration[] = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: 'ok',
        up: (db) => db.exec('CREATE TABLE ok_table (x)'),
      },
      {
        version: migrations.length + 2,
        name: 'broken',
        up: (db) => db.exec('CREATE TABLE nonsense ('),
      },
    ];
    openDatabase({ file, key, keyCheck, migrations }).close();
    expect(() => openDatabase({ file, key, keyCheck, migrations: broken })).toThrow();
    const db = openDatabase({ file, key, keyCheck, migrations });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(
      db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'ok_table'").get(),
    ).toEqual({ n: 0 });
    db.close();
  });

  it('creates new databases with the current cipher', () => {
    const db = openDatabase({ file, key, keyCheck, migrations });
    expect(db.pragma('cipher', { simple: true })).toBe(DATABASE_CIPHER);
    db.close();
  });

  it('authenticates pages: one bit changed on disk fails to read instead of reading altered rows', () => {
    const db = openDatabase({ file, key, keyCheck, migrations });
    db.exec('CREATE TABLE notes (x TEXT)');
    const insert = db.prepare('INSERT INTO notes VALUES (?)');
    // A few short rows: the page is mostly free space, where an unauthenticated cipher (CBC)
    // would read a flipped bit back without noticing.
    for (let i = 0; i < 20; i++) insert.run(`note ${i}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const root = db
      .prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'notes'`)
      .pluck()
      .get() as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const bytes = readFileSync(file);
    // The middle of the notes table's page.
    bytes[(root - 1) * pageSize + pageSize / 2]! ^= 1;
    writeFileSync(file, bytes);
    const reopened = openDatabase({ file, key, keyCheck, migrations });
    expect(() => reopened.prepare('SELECT group_concat(x) FROM notes').get()).toThrow(
      expect.objectContaining({ code: 'SQLITE_CORRUPT' }),
    );
    reopened.close();
  });

  it.each(['aes256cbc', 'chacha20'])(
    'opens a database created with the earlier %s cipher and re-encrypts it with AEGIS-256',
    (cipher) => {
      const old = new Database(file);
      old.pragma(`cipher = '${cipher}'`);
      old.pragma(`hexkey='${key.toString('hex')}'`);
      old.pragma('journal_mode = WAL');
      old.exec(`CREATE TABLE kept (x); INSERT INTO kept VALUES ('still here')`);
      old.close();
      const db = openDatabase({ file, key, keyCheck, migrations });
      expect(db.pragma('cipher', { simple: true })).toBe('aegis');
      expect(db.prepare('SELECT x FROM kept').get()).toEqual({ x: 'still here' });
      db.exec(`INSERT INTO kept VALUES ('written after')`);
      db.close();
      expect(readFileSync(file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
      const again = new Database(file);
      again.pragma(`cipher = 'aegis'`);
      again.pragma(`hexkey='${key.toString('hex')}'`);
      expect(again.prepare('SELECT count(*) AS n FROM kept').get()).toEqual({ n: 2 });
      again.close();
      expect(
        errorCodeOf(() =>
          openDatabase({ file, key: randomBytes(32), keyCheck: randomBytes(32), migrations }),
        ),
      ).toBe('DATABASE_WRONG_KEY');
    },
  );
});
