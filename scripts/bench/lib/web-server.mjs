// `tessera web` (browser mode) for a bench: a throw-away 0600 master-key file in `dir`, so no OS
// keychain is needed or touched, and the vault's data in `dir/data`. Assumes `out/` is built.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The server process and its start URL (with the one-time token), once it prints it. */
export function startWeb(dir) {
  const keyFile = join(dir, 'master.key');
  writeFileSync(keyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  const args = ['web', '--port', '0', '--data-dir', join(dir, 'data'), '--key-file', keyFile];
  const child = spawn(process.execPath, [join(root, 'bin', 'tessera.cjs'), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`tessera web exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /running at (\S+)/.exec(line);
      if (match) resolve(match[1]);
    });
  });
  return { child, url };
}
