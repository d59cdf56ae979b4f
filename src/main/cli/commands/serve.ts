import { Command } from 'commander';
import { APP_VERSION } from '../../app';
import { DEFAULT_API_PORT, startApiServer } from '../../api/server';
import { localSocketPath } from '../../http/socket-listen';
import { runUntilSignal } from '../run-until-signal';
import { openMfaServer } from '../open-mfa-server';
import { configFrom, withServerOptions, type StoreFlags } from '../store-options';
import { parsePort } from './web';

type ServeFlags = StoreFlags & { port: number; socket?: string | true };

/**
 * Runs the verification API headless (no Electron) until SIGINT/SIGTERM: on the local file, or
 * on PostgreSQL with `--database` (then several instances may share it). A port taken on
 * 127.0.0.1 or ::1 stops it with PORT_IN_USE (exit 1). `--socket` listens on a Unix socket /
 * named pipe instead of TCP, or beside it when `--port` is given too.
 */
export async function runServe(flags: ServeFlags, tcp: boolean): Promise<void> {
  const config = configFrom(flags);
  const mfaServer = await openMfaServer(config);
  const socketPath = flags.socket === true ? localSocketPath(config.dataDir, 'api') : flags.socket;
  const server = await startApiServer({
    services: mfaServer.mfa,
    version: APP_VERSION,
    port: tcp ? flags.port : null,
    ...(socketPath ? { socketPath } : {}),
  }).catch(async (error: unknown) => {
    await mfaServer.close();
    throw error;
  });
  if (server.url) {
    process.stdout.write(`Tessera API listening on ${server.url}\n`);
    process.stdout.write(
      server.ipv6Url
        ? `Tessera API also listening on ${server.ipv6Url}\n`
        : 'No IPv6 loopback (::1) on this machine: 127.0.0.1 only.\n',
    );
  }
  if (server.socketPath)
    process.stdout.write(`Tessera API listening on socket ${server.socketPath}\n`);
  runUntilSignal(async () => {
    await server.close();
    await mfaServer.close();
  });
}

export function serveCommand(): Command {
  const command = withServerOptions(
    new Command('serve')
      .description('run the loopback MFA verification API on 127.0.0.1 (see docs/api.md)')
      .option(
        '--port <port>',
        'port to listen on (0 picks a free one)',
        parsePort,
        DEFAULT_API_PORT,
      )
      .option(
        '--socket [path]',
        'listen on a Unix socket (mode 0600) or Windows named pipe instead of TCP ' +
          '(default: tessera-api.sock in the data dir); with --port, on both',
      ),
  );
  return command.action((flags: ServeFlags) =>
    runServe(flags, !flags.socket || command.getOptionValueSource('port') === 'cli'),
  );
}
