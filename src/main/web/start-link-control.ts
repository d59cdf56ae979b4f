import { connect, createServer, type Socket } from 'node:net';
import { TesseraError } from '../../shared/errors';
import { listenOnPath } from '../http/socket-listen';

/** What a client writes to ask for a link. Writing first matters on Windows, see below. */
const REQUEST = 'new-url\n';
const MAX_REPLY = 4096;

/**
 * A running `tessera web` hands out fresh start URLs on a local socket in the data dir (0600; on
 * Windows a named pipe). The client must write its request before it gets an answer: the default
 * DACL of a Windows pipe lets Everyone open it for reading, which does not allow writing.
 */
export async function serveStartLinks(
  path: string,
  newStartUrl: () => string,
): Promise<{ close(): Promise<void> }> {
  const server = createServer((socket: Socket) => {
    socket.setTimeout(5_000, () => socket.destroy());
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received === REQUEST) socket.end(`${newStartUrl()}\n`);
      else if (!REQUEST.startsWith(received)) socket.destroy();
    });
    socket.on('error', () => socket.destroy());
  });
  await listenOnPath(server, path);
  return { close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** `tessera web --new-url`: asks the instance running on this data dir for a start URL. */
export function requestStartLink(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    let reply = '';
    socket.setTimeout(10_000, () => socket.destroy(new Error('timeout')));
    socket.on('connect', () => socket.write(REQUEST));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('utf8');
      if (reply.length > MAX_REPLY) socket.destroy(new Error('reply too long'));
    });
    socket.on('end', () => {
      const url = reply.trim();
      if (/^http:\/\/127\.0\.0\.1:\d+\/#token=\S+$/.test(url)) resolve(url);
      else reject(new TesseraError('WEB_NOT_RUNNING', `${path} did not answer with a start URL.`));
    });
    socket.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new TesseraError(
          'WEB_NOT_RUNNING',
          `No \`tessera web\` answers for this data dir (${error.code ?? error.message}); ` +
            'start one with `tessera web`, using the same --data-dir.',
        ),
      ),
    );
  });
}
