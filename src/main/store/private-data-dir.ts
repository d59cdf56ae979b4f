import { chmodSync, lstatSync, mkdirSync } from 'node:fs';

/** The data dir exists and only its owner may enter it, even when it was made earlier with 0755. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** What SQLite and Tessera keep beside the database file. */
const COMPANIONS = ['', '-wal', '-shm', '-journal', '.keycheck'];

/**
 * The database file and its companions readable by their owner only, whatever the umask was
 * when they were made. Called once the database is open, so the -wal and -shm exist (SQLite gives
 * later ones the database file's mode). Only these names: a data dir may be shared with other
 * files (Electron's userData), which are not ours to change. A symlink is left alone.
 */
export function restrictDatabaseFiles(file: string): void {
  for (const suffix of COMPANIONS) {
    const path = file + suffix;
    let isFile = false;
    try {
      isFile = lstatSync(path).isFile();
    } catch {
      continue; // not there
    }
    if (isFile) chmodSync(path, 0o600);
  }
}
