import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createThrowawayDatabase } from '../../../src/main/mfa/store/testing/throwaway-database';

export const BIN = resolve(__dirname, '../../../bin/tessera.cjs');
const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `tessera <args>` as a child process (the built CLI; `npm run build` first). */
export async function tessera(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof e.code === 'number' ? e.code : 1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
    };
  }
}

/**
 * Which adapter the servers of this run use: the SQLite file, or PostgreSQL when the vitest
 * project `api-postgres` sets TESSERA_API_DATABASE=postgres (vitest.config.ts).
 */
export const ADAPTER: 'sqlite' | 'postgres' =
  process.env.TESSERA_API_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

/**
 * A fresh data dir and 0600 key file (no keychain needed) and, on PostgreSQL, a throwaway
 * database of its own: every server started on this store shares it.
 */
export interface Store {
  dir: string;
  dataDir: string;
  keyFile: string;
  /** The PostgreSQL database's URL, when the run is on PostgreSQL. */
  databaseUrl: string | undefined;
  flags: string[];
  dispose(): Promise<void>;
}

export async function createStore(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-api-'));
  const keyFile = join(dir, 'master.key');
  const made = await tessera(['keyfile', 'create', keyFile]);
  if (made.code !== 0) throw new Error(`keyfile create failed: ${made.stderr}`);
  const dataDir = join(dir, 'data');
  const database = ADAPTER === 'postgres' ? await createThrowawayDatabase() : undefined;
  return {
    dir,
    dataDir,
    keyFile,
    databaseUrl: database?.url,
    flags: [
      '--data-dir',
      dataDir,
      '--key-file',
      keyFile,
      ...(database ? ['--database', database.url] : []),
    ],
    async dispose() {
      rmSync(dir, { recursive: true, force: true });
      await database?.drop();
    },
  };
}

export interface CreatedClient {
  id: string;
  key: string;
}

export async function createClient(
  store: Store,
  name: string,
  scope: 'client' | 'admin' = 'client',
): Promise<CreatedClient> {
  const result = await tessera([
    'clients',
    'create',
    name,
    '--scope',
    scope,
    '--json',
    ...store.flags,
  ]);
  if (result.code !== 0) throw new Error(`clients create failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as CreatedClient;
}

export interface Served {
  url: string;
  port: number;
  child: ChildProcess;
  /** Graceful stop (SIGTERM) and wait for exit. */
  stop(): Promise<void>;
  /** kill -9 and wait for exit. */
  kill(): Promise<void>;
}

/** Spawns `tessera serve --port 0` and waits for the line that names its URL. */
export function serve(store: Store): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...store.flags], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolvePromise, reject) => {
    let out = '';
    let err = '';
    // Starting takes 1-5 s on a busy 2-core machine (measured); 60 s is far over 3x that.
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 60_000);
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${err}`)));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /Tessera API listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      resolvePromise({
        url: match[1]!,
        port: Number(match[2]),
        child,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
        async kill() {
          if (child.exitCode === null) child.kill('SIGKILL');
          await exited;
        },
      });
    });
  });
}
