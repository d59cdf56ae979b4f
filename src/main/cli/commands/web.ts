import { Command, InvalidArgumentError } from 'commander';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TesseraError } from '../../../shared/errors';
import type { ApiServer } from '../../api/server';
import { startLocalApi } from '../../api/start-local-api';
import { createAppOpener, deferredRouter } from '../../ipc/deferred-router';
import { localSocketPath } from '../../http/socket-listen';
import { requestStartLink, serveStartLinks } from '../../web/start-link-control';
import { startWebServer } from '../../web/web-server';
import { runUntilSignal } from '../run-until-signal';
import { configFrom, withStoreOptions, type StoreFlags } from '../store-options';

export const DEFAULT_WEB_PORT = 47301;

export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535)
    throw new InvalidArgumentError('expected a port number from 0 to 65535.');
  return port;
}

type WebFlags = StoreFlags & { port: number; apiPort?: number; newUrl?: boolean };

/** Hands out start links on a socket in the data dir, for `tessera web --new-url`. */
async function serveLinks(dataDir: string, newStartUrl: () => string) {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    return await serveStartLinks(localSocketPath(dataDir, 'web'), newStartUrl);
  } catch (error) {
    if (!(error instanceof TesseraError)) throw error;
    process.stderr.write(
      `tessera: ${error.message} [${error.code}]\n\`tessera web --new-url\` will reach the other instance, not this one.\n`,
    );
    return undefined;
  }
}

/**
 * Starts browser mode and keeps running until interrupted. The page is served even when the vault
 * cannot open yet (locked keychain, wrong key...): it shows the reason and a "Try again" button.
 * With --api-port the verification API runs beside it on the same services, as in the desktop app.
 */
export async function runWeb(flags: WebFlags): Promise<void> {
  const config = configFrom(flags);
  if (flags.newUrl) {
    const url = await requestStartLink(localSocketPath(config.dataDir, 'web'));
    process.stdout.write(`Open Tessera in a new tab or browser (within a minute, once): ${url}\n`);
    return;
  }
  const opener = createAppOpener(config);
  const server = await startWebServer({
    router: deferredRouter(opener, 'web'),
    staticDir: join(__dirname, '..', 'renderer'),
    port: flags.port,
    // A reload, or a second tab opened from the link, never inherits an unlock.
    onPageLoad: () => opener.current()?.lock.lockIfProtected(),
  });
  const control = await serveLinks(config.dataDir, server.newStartUrl);
  process.stdout.write(`Tessera (browser mode) is running at ${server.url}\n`);
  process.stdout.write(
    'The link works once, within a minute. For another tab: tessera web --new-url' +
      (flags.dataDir ? ` --data-dir ${flags.dataDir}\n` : '\n'),
  );
  let api: ApiServer | undefined;
  const app = await opener.open().catch((error: unknown) => {
    if (!(error instanceof TesseraError)) throw error;
    process.stderr.write(
      `tessera: ${error.message} [${error.code}]\nThe page shows this too; fix it there and press "Try again".\n`,
    );
  });
  // The API needs the open vault; when it could not open, the page explains and the API stays off.
  if (app && flags.apiPort !== undefined)
    api = await startLocalApi(app, { TESSERA_API_PORT: String(flags.apiPort) });
  runUntilSignal(async () => {
    await control?.close();
    await api?.close();
    await server.close();
    opener.current()?.close();
  });
}

export function webCommand(): Command {
  return withStoreOptions(
    new Command('web')
      .description('serve the app to a browser on 127.0.0.1 (for machines without Electron)')
      .option(
        '--port <port>',
        'port to listen on (0 picks a free one)',
        parsePort,
        DEFAULT_WEB_PORT,
      )
      .option(
        '--api-port <port>',
        'also run the verification API on this port (0 picks a free one)',
        parsePort,
      )
      .option(
        '--new-url',
        'ask the `tessera web` running on this data dir for a new start URL, print it and exit',
      ),
  ).action((flags: WebFlags) => runWeb(flags));
}
