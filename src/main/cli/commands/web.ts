import { Command, InvalidArgumentError } from 'commander';
import { join } from 'node:path';
import { TesseraError } from '../../../shared/errors';
import type { ApiServer } from '../../api/server';
import { startLocalApi } from '../../api/start-local-api';
import { createAppOpener, deferredRouter } from '../../ipc/deferred-router';
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

type WebFlags = StoreFlags & { port: number; apiPort?: number };

/**
 * Starts browser mode and keeps running until interrupted. The page is served even when the vault
 * cannot open yet (locked keychain, wrong key...): it shows the reason and a "Try again" button.
 * With --api-port the verification API runs beside it on the same services, as in the desktop app.
 */
export async function runWeb(flags: WebFlags): Promise<void> {
  const opener = createAppOpener(configFrom(flags));
  const server = await startWebServer({
    router: deferredRouter(opener, 'web'),
    staticDir: join(__dirname, '..', 'renderer'),
    port: flags.port,
    // A reload, or a second tab opened from the link, never inherits an unlock.
    onPageLoad: () => opener.current()?.lock.lockIfProtected(),
  });
  process.stdout.write(`Tessera (browser mode) is running at ${server.url}\n`);
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
      ),
  ).action((flags: WebFlags) => runWeb(flags));
}
