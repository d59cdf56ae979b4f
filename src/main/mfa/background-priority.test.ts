import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../store/database';
import { migrations } from '../store/migrations';
import { createCodesAhead } from './codes-ahead';
import { startWalCheckpointer } from './wal-checkpointer';
import { createWriteGate } from './write-gate';

/** The nice value of each thread of this process (field 19 of /proc/<pid>/task/<tid>/stat). */
function niceByThread(): Map<number, number> {
  const task = `/proc/${process.pid}/task`;
  const nice = new Map<number, number>();
  for (const tid of readdirSync(task)) {
    const fields = readFileSync(`${task}/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    nice.set(Number(tid), Number(fields[16]));
  }
  return nice;
}
const lowest = () => [...niceByThread().values()].filter((n) => n === 19).length;

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

describe.runIf(process.platform === 'linux')('background threads', () => {
  it('run at the lowest priority, and the request thread keeps its own', async () => {
    const before = lowest();
    const mainNice = niceByThread().get(process.pid);

    const ahead = createCodesAhead().start();
    cleanup.push(() => ahead.stop());
    const dir = mkdtempSync(join(tmpdir(), 'tessera-nice-'));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    const key = randomBytes(32);
    const file = join(dir, 'tessera.db');
    const db = openDatabase({ file, key, keyCheck: randomBytes(32), migrations });
    const checkpointer = startWalCheckpointer(db, key, createWriteGate());
    cleanup.push(async () => {
      await checkpointer.stop();
      db.close();
    });

    await vi.waitFor(() => expect(lowest()).toBe(before + 2), { timeout: 10_000 });
    expect(niceByThread().get(process.pid)).toBe(mainNice);
  });
});
