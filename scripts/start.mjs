// `npm start`: launch the Electron app, or explain in one line why not and start browser mode.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Finds the Electron binary without requiring `electron`, which would try to download it. */
function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const name =
      process.platform === 'win32'
        ? 'electron.exe'
        : process.platform === 'darwin'
          ? 'Electron.app/Contents/MacOS/Electron'
          : 'electron';
    const candidate = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, name);
    return existsSync(candidate)
      ? { path: candidate }
      : { reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${name}` };
  }
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { reason: 'the Electron binary has not been downloaded' };
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { reason: 'the Electron binary is missing' };
}

function displayProblem() {
  if (process.platform !== 'linux') return undefined;
  return process.env.DISPLAY || process.env.WAYLAND_DISPLAY
    ? undefined
    : 'there is no display (DISPLAY is not set)';
}

const electron = electronBinary();
const reason = electron.reason ?? displayProblem();
const args = process.argv.slice(2);
let child;
if (reason) {
  process.stdout.write(`Electron cannot start here (${reason}); starting browser mode instead.\n`);
  child = spawn(process.execPath, [join(root, 'bin', 'tessera.cjs'), 'web', ...args], {
    stdio: 'inherit',
  });
} else {
  child = spawn(electron.path, [root, ...args], { stdio: 'inherit' });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
