import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, unlinkSync } from 'node:fs';
import { connect, type Server } from 'node:net';
import { join } from 'node:path';
import { TesseraError } from '../../shared/errors';

const IS_WINDOWS = process.platform === 'win32';

/**
 * A local socket for `name` ('api', 'web'): beside the database (a 0700 directory), or on Windows
 * a named pipe named after the data dir so that two vaults never share one.
 */
export function localSocketPath(
  dataDir: string,
  name: string,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform !== 'win32') return join(dataDir, `tessera-${name}.sock`);
  const id = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  return `\\\\.\\pipe\\tessera-${name}-${id}`;
}

function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(path);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

/** A socket file left by a crashed server is removed; anything else at the path is refused. */
async function clearStale(path: string): Promise<void> {
  let isSocket: boolean;
  try {
    isSocket = lstatSync(path).isSocket();
  } catch {
    return; // Nothing there.
  }
  if (!isSocket) {
    throw new TesseraError(
      'SOCKET_PATH_TAKEN',
      `${path} exists and is not a socket; Tessera will not replace it.`,
    );
  }
  if (await answers(path)) {
    throw new TesseraError(
      'PORT_IN_USE',
      `The socket ${path} is already answered by another program (another Tessera?).`,
    );
  }
  unlinkSync(path);
}

/** Listens on a Unix socket created with mode 0600 (umask set around bind(2)), or a named pipe. */
export async function listenOnPath(server: Server, path: string): Promise<void> {
  if (!IS_WINDOWS) await clearStale(path);
  await new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new TesseraError('PORT_IN_USE', `The pipe ${path} is already held by another program.`)
          : new TesseraError(
              'API_LISTEN_FAILED',
              `The API could not listen on ${path} (${error.code ?? 'unknown'}).`,
            ),
      );
    server.once('error', failed);
    // bind(2) runs synchronously inside listen(): no moment where the socket is group-writable.
    const umask = IS_WINDOWS ? undefined : process.umask(0o177);
    try {
      server.listen({ path }, () => {
        server.off('error', failed);
        resolve();
      });
    } finally {
      if (umask !== undefined) process.umask(umask);
    }
  });
  if (!IS_WINDOWS) chmodSync(path, 0o600);
}
