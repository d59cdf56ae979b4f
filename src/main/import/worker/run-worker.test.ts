import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TesseraError } from '../../../shared/errors';
import { runParseWorker } from './run-worker';

const dir = mkdtempSync(join(tmpdir(), 'tessera-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A worker script that does `body` with the request it is sent. */
function workerFile(name: string, body: string): string {
  const file = join(dir, `${name}.cjs`);
  writeFileSync(
    file,
    `const { parentPort } = require('node:worker_threads');\nparentPort.once('message', (request) => { ${body} });\n`,
  );
  return file;
}

const request = () => ({ file: new Uint8Array([1, 2, 3]), options: {} });
const limits = { timeoutMs: 30_000, maxHeapMb: 64 };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'NO_ERROR';
  } catch (error) {
    return error instanceof TesseraError ? error.code : `not a TesseraError: ${String(error)}`;
  }
}

describe('parsing in a worker thread', () => {
  it('returns what the worker parsed, and moves the bytes out of the caller (no copy stays behind)', async () => {
    const echo = workerFile(
      'echo',
      "parentPort.postMessage({ ok: true, results: [{ format: 'echo', entries: [{ label: String(request.file.length) }] }] });",
    );
    const sent = request();
    const results = await runParseWorker(echo, sent, limits);
    expect(results).toEqual([{ format: 'echo', entries: [{ label: '3' }] }]);
    expect(sent.file.byteLength).toBe(0);
  });

  it('passes on the error the parser gave, code and message', async () => {
    const refuse = workerFile(
      'refuse',
      "parentPort.postMessage({ ok: false, code: 'IMPORT_WRONG_PASSWORD', message: 'Wrong password.' });",
    );
    await expect(runParseWorker(refuse, request(), limits)).rejects.toMatchObject({
      code: 'IMPORT_WRONG_PASSWORD',
      message: 'Wrong password.',
    });
  });

  it('stops a worker that runs past its time limit: IMPORT_TIMEOUT', async () => {
    const spin = workerFile('spin', 'for (;;) {}');
    expect(await codeOf(runParseWorker(spin, request(), { ...limits, timeoutMs: 300 }))).toBe(
      'IMPORT_TIMEOUT',
    );
  });

  it('stops a worker that outgrows its heap: IMPORT_TOO_LARGE', async () => {
    const hog = workerFile('hog', 'const kept = []; for (;;) kept.push(new Array(1e5).fill({}));');
    expect(await codeOf(runParseWorker(hog, request(), { ...limits, maxHeapMb: 16 }))).toBe(
      'IMPORT_TOO_LARGE',
    );
  });

  it('stops a worker when cancelled: IMPORT_CANCELLED', async () => {
    const spin = workerFile('spin-cancel', 'for (;;) {}');
    const controller = new AbortController();
    const parsing = runParseWorker(spin, request(), limits, controller.signal);
    setTimeout(() => controller.abort(), 100);
    expect(await codeOf(parsing)).toBe('IMPORT_CANCELLED');
  });

  it('reports a worker that dies without answering as IMPORT_FAILED', async () => {
    const quit = workerFile('quit', 'process.exit(3);');
    expect(await codeOf(runParseWorker(quit, request(), limits))).toBe('IMPORT_FAILED');
  });
});
