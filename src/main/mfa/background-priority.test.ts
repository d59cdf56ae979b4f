import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createCodesAhead } from './codes-ahead';

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

describe.runIf(process.platform === 'linux')('the codes-ahead worker', () => {
  it('runs at the lowest priority, and the request thread keeps its own', async () => {
    const before = lowest();
    const mainNice = niceByThread().get(process.pid);
    const ahead = createCodesAhead().start();
    try {
      await vi.waitFor(() => expect(lowest()).toBe(before + 1), { timeout: 10_000 });
      expect(niceByThread().get(process.pid)).toBe(mainNice);
    } finally {
      await ahead.stop();
    }
  });
});
