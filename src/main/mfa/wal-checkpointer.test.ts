import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { migrations } from '../store/migrations';
import { startWalCheckpointer } from './wal-checkpointer';
import { createWriteGate } from './write-gate';
import { createWriteQueue } from './write-queue';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('checkpoints from its worker with the connection’s cipher and key', async () => {
  dir = mkdtempSync(join(tmpdir(), 'tessera-ckpt-'));
  const file = join(dir, 'tessera.db');
  const key = randomBytes(32);
  const db = openDatabase({ file, key, keyCheck: randomBytes(32), migrations });
  const before = statSync(file).size;
  db.exec('CREATE TABLE filler (x BLOB)');
  const insert = db.prepare('INSERT INTO filler VALUES (?)');
  for (let i = 0; i < 200; i++) insert.run(randomBytes(1000));
  const checkpointer = startWalCheckpointer(db, key, createWriteGate());
  const deadline = Date.now() + 5000;
  // The worker copied the WAL into the database file, and the connection left that to it.
  while (statSync(file).size <= before + 100_000 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  expect(statSync(file).size).toBeGreaterThan(before + 100_000);
  expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  await checkpointer.stop();
  db.close();
});

/** The WAL header's checkpoint sequence number: it goes up each time the WAL starts over. */
function walRestarts(file: string): number {
  const header = Buffer.alloc(32);
  const fd = openSync(`${file}-wal`, 'r');
  try {
    readSync(fd, header, 0, 32, 0);
  } finally {
    closeSync(fd);
  }
  expect(header.readUInt32BE(0) & ~1).toBe(0x377f0682); // the WAL magic: the header is plain
  return header.readUInt32BE(12);
}

/**
 * A database with a table to fill, its server's write queue, and a checkpointer that restarts
 * the WAL every 300 frames.
 */
function fillerBehindCheckpointer() {
  dir = mkdtempSync(join(tmpdir(), 'tessera-ckpt-'));
  const file = join(dir, 'tessera.db');
  const key = randomBytes(32);
  const db = openDatabase({ file, key, keyCheck: randomBytes(32), migrations });
  db.exec('CREATE TABLE filler (x BLOB)');
  const gate = createWriteGate();
  const writes = createWriteQueue(db, undefined, gate);
  const checkpointer = startWalCheckpointer(db, key, gate, 300);
  return { file, key, db, writes, checkpointer, before: walRestarts(file) };
}

it('restarts the WAL under writes that never pause (the gated last pass)', async () => {
  const { file, db, writes, checkpointer, before } = fillerBehindCheckpointer();
  const insert = db.prepare('INSERT INTO filler VALUES (?)');
  // A commit every turn of the event loop for three seconds: with no quiet moment, only the
  // checkpointer's gated last pass lets the server's next write start the WAL over.
  let rows = 0;
  const until = Date.now() + 3000;
  while (Date.now() < until) {
    await Promise.all(
      Array.from({ length: 4 }, () => writes.run(() => insert.run(randomBytes(3000)))),
    );
    rows += 4;
  }
  await checkpointer.stop();
  expect(walRestarts(file) - before).toBeGreaterThanOrEqual(3);
  expect(db.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(rows);
  db.close();
});

it('restarts the WAL when another process keeps writing too (the gate holds only this one)', async () => {
  const { file, key, db, writes, checkpointer, before } = fillerBehindCheckpointer();
  // The other process's server: its own connection, which our gate does not hold.
  const other = openDatabase({ file, key, keyCheck: randomBytes(32), migrations });
  other.pragma('wal_autocheckpoint = 0');
  const theirs = createWriteQueue(other);
  let rows = 0;
  const until = Date.now() + 2500;
  while (Date.now() < until) {
    await Promise.all([
      writes.run(() => db.prepare('INSERT INTO filler VALUES (?)').run(randomBytes(3000))),
      theirs.run(() => other.prepare('INSERT INTO filler VALUES (?)').run(randomBytes(3000))),
    ]);
    rows += 2;
  }
  await checkpointer.stop();
  expect(walRestarts(file) - before).toBeGreaterThanOrEqual(2);
  expect(db.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(rows);
  other.close();
  db.close();
});
