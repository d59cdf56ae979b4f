import { Command, InvalidArgumentError } from 'commander';
import { join } from 'node:path';
import { openApp } from '../../app';
import { startWebServer } from '../../web/web-server';
import { configFrom, withStoreOptions, type StoreFlags } from '../store-options';

export const DEFAULT_WEB_PORT = 47301;

export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) throw new InvalidArgumentError('expected a port number from 0 to 65535.');
  return port;
}

/** Starts browser mode and keeps running until interrupted. */
export async function runWeb(flags: StoreFlags & { port: number }): Promise<void> {
  const app = await openApp(configFrom(flags));
  const server = await startWebServer({
    router: app.router('web'),
    staticDir: join(__dirname, '..', 'renderer'),
    port: flags.port,
  });
  process.stdout.write(`Tessera (browser mode) is running at ${server.url}\n`);
  const stop = () => {
    void server.close().finally(() => {
      app.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export function webCommand(): Command {
  return withStoreOptions(
    new Command('web')
      .description('serve the app to a browser on 127.0.0.1 (for machines without Electron)')
      .option('--port <port>', 'port to listen on (0 picks a free one)', parsePort, DEFAULT_WEB_PORT),
  ).action((flags: StoreFlags & { port: number }) => runWeb(flags));
}
