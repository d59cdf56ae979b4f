import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  applyHttpLimits,
  DEFAULT_HTTP_LIMITS,
  httpServerOptions,
  type HttpLimits,
} from './http-limits';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** Fastify's HTTP/1 keep-alive and our limits, kept on both sockets so neither behaves differently. */
function configured(server: Server, limits: HttpLimits): Server {
  server.keepAliveTimeout = 72_000;
  return applyHttpLimits(server, limits);
}

/**
 * The API answers on 127.0.0.1 and, where the machine has IPv6, on ::1 with the same port.
 * Fastify listens on one host per server, so its request handler is captured when it builds its
 * server and a second server on ::1 feeds the same handler: same routes, hooks and guards.
 */
export function loopbackServers(limits: HttpLimits = DEFAULT_HTTP_LIMITS) {
  let handler: Handler | undefined;
  let ipv6: Server | null = null;
  return {
    /** Pass as fastify's `serverFactory`. */
    serverFactory(fastifyHandler: Handler): Server {
      handler = fastifyHandler;
      return configured(createServer(httpServerOptions(limits), fastifyHandler), limits);
    },

    /** Listens on [::1]:port; resolves false when the machine has no IPv6 loopback (or it is taken). */
    listenIpv6(port: number): Promise<boolean> {
      if (!handler) return Promise.reject(new Error('fastify has not built its server yet'));
      const server = configured(createServer(httpServerOptions(limits), handler), limits);
      return new Promise((resolve) => {
        server.once('error', () => resolve(false));
        server.listen({ host: '::1', port, ipv6Only: true }, () => {
          ipv6 = server;
          resolve(true);
        });
      });
    },

    async close(): Promise<void> {
      const server = ipv6;
      if (!server) return;
      ipv6 = null;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Requests in flight get a moment to be answered (fastify answers 503 to new ones meanwhile).
      const force = setTimeout(() => server.closeAllConnections(), 2000);
      await closed;
      clearTimeout(force);
    },
  };
}
