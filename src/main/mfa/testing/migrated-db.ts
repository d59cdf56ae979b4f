import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deriveKey } from '../../keychain/master-key';
import { openDatabase, type Db } from '../../store/database';
import { migrations } from '../../store/migrations';

/** An in-memory database migrated up to and including `version` (tests of single migrations). */
export function migratedTo(version: number): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const migration of migrations.slice(0, version)) migration.up(db);
  return db;
}

export function columns(db: Db, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}

/**
 * A WAL database file migrated up to `version`, with a connection open on it: as a process of
 * that version has it (for what a later migration run by another connection does to it), or one
 * of two processes on one file.
 */
export async function withWalFileAt(
  version: number,
  test: (db: Db, file: string) => void | Promise<void>,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-migration-'));
  const file = join(dir, 'db');
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    for (const migration of migrations.slice(0, version)) migration.up(db);
    await test(db, file);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The schema version of the release before the MFA store (commit 3508b15). */
export const RELEASE_SCHEMA_VERSION = 8;

/**
 * An encrypted database file as the release before the MFA store left it (schema 8: the guard
 * `totp_folded_step`, accepts on the audit's `accept_*` columns past `mfa_accepts_folded`), at
 * the path the app opens in `dataDir`; `fill` writes its rows.
 */
export function writeReleaseDatabase(
  file: string,
  masterKey: Buffer,
  fill: (db: Db) => void,
): void {
  const db = openDatabase({
    file,
    key: deriveKey(masterKey, 'database'),
    keyCheck: deriveKey(masterKey, 'key-check'),
    migrations: migrations.slice(0, RELEASE_SCHEMA_VERSION),
  });
  try {
    fill(db);
  } finally {
    db.close();
  }
}
