import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../store/database';
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
 * A WAL database file migrated up to `version`, open as a process of that version has it, for
 * tests of what a later migration (run on `file` by another connection) does to that process.
 */
export function withOlderProcess(version: number, test: (older: Db, file: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-migration-'));
  const file = join(dir, 'db');
  const older = new Database(file);
  try {
    older.pragma('journal_mode = WAL');
    for (const migration of migrations.slice(0, version)) migration.up(older);
    test(older, file);
  } finally {
    older.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
