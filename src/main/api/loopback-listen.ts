import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { TesseraError } from '../../shared/errors';
import { listenOnPath } from '../http/socket-listen';
import {
  applyHttpLimits,
  DEFAULT_HTTP_LIMITS,
  httpServerOptions,
  type HttpLimits,
} from './http-limits';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** Fastify's HTTP/1 keep-alive and our limits, kept on every socket so none behaves differently. */
function configured(server: Server, limits: HttpLimits): Server {
  server.keepAliveTimeout = 72_000;
  return applyHttpLimits(server, limits);
}

/** The only errors that mean "this machine has no IPv6 loopback", not "someone holds the port". */
const NO_IPV6_LOOPBACK = new Set(['EADDRNOTAVAIL', 'EAFNOSUPPORT']);

/**
 * A port another program holds is fatal: clients that try `localhost` reach whichever family
 * answers first, so a squatter on either one would receive their bearer keys and could answer
 * `valid: true` to anything.
 */
export function listenError(error: unknown, where: string): TesseraError {
  const code = (error as { code?: string }).code ?? 'unknown';
  if (code === 'EADDRINUSE') {
    return new TesseraError(
      'PORT_IN_USE',
      `${where} is already taken by another program. Tessera will not serve its API beside a ` +
        'program that could answer in its place: stop that program or choose another port.',
    );
  }
  return new TesseraError('API_LISTEN_FAILED', `The API could not listen on ${where} (${code}).`);
}

function listen(server: Server, options: object): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function closeGracefully(server: Server): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // Requests in flight get a moment to be answered (fastify answers 503 to new ones meanwhile).
  const force = setTimeout(() => server.closeAllConnections(), 2000);
  await closed;
  clearTimeout(force);
}

/**
 * The API answers on 127.0.0.1 and ::1 with the same port (where the machine has IPv6), and/or on
 * a Unix socket or Windows named pipe. Fastify builds one server; its request handler is captured
 * here and every other socket feeds the same handler: same routes, hooks and guards.
 */
export function loopbackServers(limits: HttpLimits = DEFAULT_HTTP_LIMITS) {
  let handler: Handler | undefined;
  let primary: Server | undefined;
  const listening: Server[] = [];
  // Connections that came through a socket file or pipe: their Host cannot carry our port.
  const pathSockets = new WeakSet<Socket>();
  const serverFor = (): Server => {
    if (!handler) throw new Error('fastify has not built its server yet');
    return configured(createServer(httpServerOptions(limits), handler), limits);
  };
  return {
    /** Pass as fastify's `serverFactory`. */
    serverFactory(fastifyHandler: Handler): Server {
      handler = fastifyHandler;
      primary = configured(createServer(httpServerOptions(limits), fastifyHandler), limits);
      return primary;
    },

    /** 127.0.0.1:port, then [::1] on the same port; a port taken on either family throws. */
    async listenTcp(requested: number): Promise<{ port: number; ipv6: boolean }> {
      const v4 = primary ?? serverFor();
      await listen(v4, { host: '127.0.0.1', port: requested }).catch((error: unknown) => {
        throw listenError(error, `Port ${requested} on 127.0.0.1`);
      });
      listening.push(v4);
      const address = v4.address();
      const port = typeof address === 'object' && address ? address.port : requested;
      const v6 = serverFor();
      try {
        await listen(v6, { host: '::1', port, ipv6Only: true });
      } catch (error) {
        if (NO_IPV6_LOOPBACK.has((error as { code?: string }).code ?? ''))
          return { port, ipv6: false };
        throw listenError(error, `Port ${port} on [::1] (the IPv6 loopback)`);
      }
      listening.push(v6);
      return { port, ipv6: true };
    },

    /** A Unix socket (mode 0600) or a Windows named pipe. */
    async listenPath(path: string): Promise<void> {
      const server = serverFor();
      server.on('connection', (socket: Socket) => pathSockets.add(socket));
      await listenOnPath(server, path);
      listening.push(server);
    },

    /** Whether a request arrived over the Unix socket / named pipe rather than TCP. */
    viaPath: (socket: Socket): boolean => pathSockets.has(socket),

    async close(): Promise<void> {
      await Promise.all(listening.splice(0).map(closeGracefully));
    },
  };
}
