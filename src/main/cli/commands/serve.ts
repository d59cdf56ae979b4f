import { Command } from 'commander';
import { APP_VERSION } from '../../app';
import { DEFAULT_API_PORT, startApiServer } from '../../api/server';
import { runUntilSignal } from '../run-until-signal';
import { openMfaServer } from '../open-mfa-server';
import { configFrom, withServerOptions, type StoreFlags } from '../store-options';
import { parsePort } from './web';

/**
 * Runs the verification API headless (no Electron) until SIGINT/SIGTERM: on the local file, or
 * on PostgreSQL with `--database` (then several instances may share it).
 */
export async function runServe(flags: StoreFlags & { port: number }): Promise<void> {
  const mfaServer = await openMfaServer(configFrom(flags));
  const server = await startApiServer({
    services: mfaServer.mfa,
    version: APP_VERSION,
    port: flags.port,
  });
  process.stdout.write(`Tessera API listening on ${server.url}\n`);
  process.stdout.write(
    server.ipv6Url
      ? `Tessera API also listening on ${server.ipv6Url}\n`
      : 'No IPv6 loopback (::1) here: 127.0.0.1 only.\n',
  );
  runUntilSignal(async () => {
    await server.close();
    await mfaServer.close();
  });
}

export function serveCommand(): Command {
  return withServerOptions(
    new Command('serve')
      .description('run the loopback MFA verification API on 127.0.0.1 (see docs/api.md)')
      .option(
        '--port <port>',
        'port to listen on (0 picks a free one)',
        parsePort,
        DEFAULT_API_PORT,
      ),
  ).action((flags: StoreFlags & { port: number }) => runServe(flags));
}
