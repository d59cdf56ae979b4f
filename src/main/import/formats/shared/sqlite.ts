import Database from 'better-sqlite3-multiple-ciphers';
import { ImportError } from '../../import-types';
import { malformed, truncated } from './errors';
import { startsWithBytes } from './encoding';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

export function isSqlite(bytes: Uint8Array): boolean {
  return bytes.length >= 100 && startsWithBytes(bytes, SQLITE_MAGIC);
}

/**
 * Cheap schema sniffing for detectors: the CREATE TABLE statements live in plain text near the
 * start of the file (the sqlite_master table), so a byte search finds an app's telltale columns
 * without opening the database.
 */
export function sqliteSchemaMentions(bytes: Uint8Array, ...needles: string[]): boolean {
  if (!isSqlite(bytes)) return false;
  const head = Buffer.from(bytes.subarray(0, 512 * 1024)).toString('latin1');
  return needles.every((needle) => head.includes(needle));
}

export type Row = Record<string, unknown>;

/**
 * Opens a copy of the bytes as an in-memory database (nothing written to disk, so no secret lands in
 * a temp file), runs `read`, and closes it. Phone databases are often in WAL mode; the header is
 * switched to rollback mode on the copy because an in-memory image cannot have a WAL file.
 */
export function withSqlite<T>(
  bytes: Uint8Array,
  format: string,
  read: (db: Database.Database) => T,
): T {
  if (!isSqlite(bytes)) throw malformed(format, 'it is not an SQLite database');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pageSizeField = view.getUint16(16);
  const pageSize = pageSizeField === 1 ? 65536 : pageSizeField;
  const pageCount = view.getUint32(28);
  if (pageCount > 0 && bytes.length < pageSize * pageCount) throw truncated(format);
  const copy = Buffer.from(bytes);
  if (copy[18] === 2) copy[18] = 1;
  if (copy[19] === 2) copy[19] = 1;
  let db: Database.Database;
  try {
    db = new Database(copy, { readonly: true });
  } catch {
    throw malformed(format, 'the database could not be opened');
  }
  try {
    harden(db, format);
    return read(db);
  } finally {
    db.close();
  }
}

/**
 * A foreign database is hostile input. Defensive mode (better-sqlite3 turns it on when unsafe
 * mode is off) blocks schema tricks; `trusted_schema = OFF` keeps functions named in the schema
 * (generated columns, views, triggers) from running with side effects. A table with hidden or
 * generated columns, or a virtual table, is refused outright: no authenticator app writes one, and
 * reading it would run expressions the file chose.
 */
function harden(db: Database.Database, format: string): void {
  db.unsafeMode(false);
  db.pragma('trusted_schema = OFF');
  let unusual: string | undefined;
  try {
    const tables = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
      .all() as Row[];
    for (const { name, sql } of tables) {
      if (/^\s*CREATE\s+VIRTUAL\b/i.test(text(sql))) unusual = text(name);
      const columns = db
        .prepare(`PRAGMA table_xinfo("${text(name).replace(/"/g, '""')}")`)
        .all() as Row[];
      if (columns.some((column) => Number(column.hidden) !== 0)) unusual = text(name);
      if (unusual !== undefined) break;
    }
  } catch {
    throw malformed(format, 'its schema could not be read');
  }
  if (unusual !== undefined)
    throw new ImportError(
      'IMPORT_MALFORMED',
      `This ${format} file has a table with generated or hidden columns (or a virtual table), which the app never writes; Tessera does not open such databases.`,
    );
}

export function tableNames(db: Database.Database): Set<string> {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Row[];
  return new Set(rows.map((row) => String(row.name).toLowerCase()));
}

/** Column names of a table, lower-cased (Android apps differ in case: "Secret" vs "secret"). */
export function columnNames(db: Database.Database, table: string): Set<string> {
  const rows = db.prepare(`PRAGMA table_info("${table.replace(/"/g, '""')}")`).all() as Row[];
  return new Set(rows.map((row) => String(row.name).toLowerCase()));
}

export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  return '';
}

export function integer(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && /^-?\d{1,16}$/.test(value.trim())) return Number(value.trim());
  return undefined;
}
