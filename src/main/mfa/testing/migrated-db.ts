import Database from 'better-sqlite3-multiple-ciphers';
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
