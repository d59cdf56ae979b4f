import type { Db } from './database';

/**
 * Re-encrypts, in place, a database that an earlier version created with an older page cipher
 * (AES-256-CBC, unauthenticated, or ChaCha20) under `cipher` (AEGIS-256), with the same key.
 * SQLite3 Multiple Ciphers takes the cipher of a rekey from the connection's `cipher` setting.
 * The rekey runs in rollback-journal mode, so a crash halfway leaves the old file intact; the
 * caller switches back to WAL. While another connection holds the file (the API in another
 * process) the journal mode cannot change: the file keeps its cipher until a later open.
 */
export function rekeyLegacyCipher(db: Db, key: Buffer, cipher: string): boolean {
  try {
    if (db.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return false;
    throw error;
  }
  db.pragma(`cipher = '${cipher}'`);
  db.pragma(`hexrekey='${key.toString('hex')}'`);
  return true;
}
