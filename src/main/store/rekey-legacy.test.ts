import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database';

let dir: string;
let file: string;
const key = randomBytes(32);
const keyCheck = randomBytes(32);
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tessera-rekey-'));
  file = join(dir, 'tessera.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function connect(cipher: string): Database.Database {
  const db = new Database(file);
  db.pragma(`cipher = '${cipher}'`);
  db.pragma(`hexkey='${key.toString('hex')}'`);
  return db;
}

/** A database as an earlier version left it: a legacy page cipher, WAL, some rows. */
function createLegacy(cipher: string): void {
  const db = connect(cipher);
  db.pragma('journal_mode = WAL');
  db.exec("CREATE TABLE kept (x TEXT); INSERT INTO kept VALUES ('one'), ('two');");
  db.close();
}

function readsWith(cipher: string): boolean {
  const db = connect(cipher);
  try {
    db.prepare('SELECT count(*) FROM kept').get();
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

describe('re-encrypting a database of an earlier version', () => {
  it('waits while another connection holds the file: it opens with its old cipher, and is re-encrypted on a later open', () => {
    createLegacy('aes256cbc');
    const other = connect('aes256cbc');
    other.prepare('SELECT count(*) FROM kept').get();
    const first = openDatabase({ file, key, keyCheck, migrations: [] });
    expect(first.prepare('SELECT count(*) FROM kept').pluck().get()).toBe(2);
    first.close();
    other.close();
    expect(readsWith('aes256cbc')).toBe(true);
    openDatabase({ file, key, keyCheck, migrations: [] }).close();
    expect(readsWith('aegis')).toBe(true);
  });
});
