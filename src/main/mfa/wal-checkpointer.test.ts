import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import { migrations } from '../store/migrations';
import { startWalCheckpointer } from './wal-checkpointer';
import { createWriteGate } from './write-gate';

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
