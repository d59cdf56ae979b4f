import { spawn, spawnSync } from 'node:child_process';
import { TesseraError } from '../../shared/errors';

export interface ClipboardTool {
  command: string;
  args: string[];
}

/** Which clipboard program to use here, or undefined: pbcopy, clip, wl-copy (Wayland), xclip/xsel (X11). */
export function pickClipboardTool(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  has: (command: string) => boolean,
): ClipboardTool | undefined {
  if (platform === 'darwin') return { command: 'pbcopy', args: [] };
  if (platform === 'win32') return { command: 'clip', args: [] };
  const candidates: (ClipboardTool & { when: boolean })[] = [
    { command: 'wl-copy', args: [], when: !!env.WAYLAND_DISPLAY },
    { command: 'xclip', args: ['-selection', 'clipboard'], when: !!env.DISPLAY },
    { command: 'xsel', args: ['--clipboard', '--input'], when: !!env.DISPLAY },
  ];
  const found = candidates.find((c) => c.when && has(c.command));
  return found && { command: found.command, args: found.args };
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Writes text to the system clipboard through the platform's own tool. */
export async function copyToClipboard(text: string): Promise<string> {
  const tool = pickClipboardTool(process.platform, process.env, onPath);
  if (!tool) {
    throw new TesseraError(
      'CLIPBOARD_UNAVAILABLE',
      'No clipboard is reachable: install wl-clipboard (Wayland) or xclip (X11) and run inside a desktop session, or leave out --copy.',
    );
  }
  await new Promise<void>((resolve, reject) => {
    // xclip keeps running to serve the selection; it is detached so the CLI can exit.
    const child = spawn(tool.command, tool.args, {
      stdio: ['pipe', 'ignore', 'ignore'],
      detached: true,
    });
    child.once('error', () => reject(failed(tool.command)));
    child.stdin.end(text, () => {
      child.unref();
      resolve();
    });
  });
  return tool.command;
}

function failed(command: string): TesseraError {
  return new TesseraError('CLIPBOARD_UNAVAILABLE', `${command} could not be run to copy the code.`);
}
