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
