import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = join(__dirname, '..', '..', 'bin', 'tessera.cjs');
let dir: string;

beforeAll(() => {
  if (!existsSync(join(__dirname, '..', '..', 'out', 'main', 'cli.js'))) {
    throw new Error('The CLI is not built: run `npm run build` first (npm test does).');
  }
  dir = mkdtempSync(join(tmpdir(), 'tessera-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tessera(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

// Each test starts the CLI (a Node process that loads the whole app): slow on a busy machine.
describe('tessera CLI', { timeout: 120_000 }, () => {
  it('lists its commands in --help', () => {
    const help = tessera(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Commands:[\s\S]*\bweb\b/);
  });

  it('serves the page anyway and explains an unreachable keychain, creating no database', async () => {
    const dataDir = join(dir, 'no-keychain');
    const child = spawn(
      process.execPath,
      [cli, 'web', '--port', '0', '--data-dir', dataDir, '--keychain-service', 'tessera-cli-test'],
      {
        env: {
          ...process.env,
          DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/tessera-bus',
          DISPLAY: '',
          TESSERA_KEY_FILE: '',
        },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      await expect
        .poll(() => stderr, { timeout: 45_000 })
        .toMatch(/\[KEYCHAIN_(UNAVAILABLE|LOCKED)\]/);
      expect(stdout).toMatch(/running at http:\/\/127\.0\.0\.1:\d+\/#token=/);
      expect(stderr).toMatch(/--key-file|Unlock/);
      expect(existsSync(join(dataDir, 'tessera.db'))).toBe(false);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('refuses a key file that other users can read', () => {
    const keyFile = join(dir, 'loose.key');
    writeFileSync(keyFile, Buffer.alloc(32, 7).toString('base64'));
    chmodSync(keyFile, 0o644);
    const run = tessera([
      'clients',
      'list',
      '--data-dir',
      join(dir, 'loose'),
      '--key-file',
      keyFile,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[KEY_FILE_PERMISSIONS]');
    expect(run.stderr).toContain('chmod 600');
  });

  it('rejects a bad port with a clear message', () => {
    const run = tessera(['web', '--port', 'eighty']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('port number');
  });
});
